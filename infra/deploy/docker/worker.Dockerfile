# Worker image: every workflow and activity of the product, polling the `improvement-programme`
# task queue. Stateless (Temporal holds workflow state, PostgreSQL the read model): scale by replicas.
# Runs the built output with the workflow bundle made at build time (`node dist/main.js` loads
# dist/workflow-bundle.js: no bundling at start), exactly the command `pnpm test:cluster` starts two of.
# GET /health on 8080 answers 200 only while the worker polls (503 starting, shutting down, failed).
# The same image runs the one-off migration Job (command: pnpm db:migrate).
# Build from the repository root:  docker build -f infra/deploy/docker/worker.Dockerfile -t ip-worker .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@ip/worker

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production WORKER_HEALTH_PORT=8080 WORKER_HEALTH_HOST=0.0.0.0
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:8080/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/apps/worker
CMD ["node", "dist/main.js"]
