# Worker image: every workflow and activity of the product, polling the `improvement-programme`
# task queue. Stateless (Temporal holds workflow state, PostgreSQL the read model): scale by replicas.
# The same image runs the one-off migration Job (command: pnpm db:migrate).
# Build from the repository root:  docker build -f infra/deploy/docker/worker.Dockerfile -t ip-worker .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter @ip/db run db:generate

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
WORKDIR /app/apps/worker
CMD ["node", "--import", "tsx", "src/main.ts"]
