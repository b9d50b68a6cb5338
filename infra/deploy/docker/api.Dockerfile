# API image: tRPC over HTTP at /trpc and the built console on one origin. Stateless: sessions are
# signed cookies checked against PostgreSQL, so any number of replicas can sit behind one Service.
# Runs the built output (`node dist/main.js`, our packages compiled in by infra/lib/build-node-app.mjs),
# exactly the command `pnpm test:cluster` starts two of.
# Build from the repository root:  docker build -f infra/deploy/docker/api.Dockerfile -t ip-api .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@ip/api-server --filter=@ip/console

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=3000 CONSOLE_DIR=/app/apps/console/dist LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/trpc/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/api
CMD ["node", "dist/main.js"]
