# One image for every credit-hub service; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY packages/kit/package.json packages/kit/
COPY packages/datagen/package.json packages/datagen/
COPY apps/hub/package.json apps/hub/
COPY subgraphs/access/package.json subgraphs/access/
COPY subgraphs/subject/package.json subgraphs/subject/
COPY subgraphs/tax/package.json subgraphs/tax/
COPY subgraphs/court/package.json subgraphs/court/
COPY subgraphs/market/package.json subgraphs/market/
COPY subgraphs/environment/package.json subgraphs/environment/
COPY subgraphs/government/package.json subgraphs/government/
COPY subgraphs/disclosure/package.json subgraphs/disclosure/
COPY subgraphs/evaluation/package.json subgraphs/evaluation/
COPY subgraphs/metrics/package.json subgraphs/metrics/
COPY subgraphs/report/package.json subgraphs/report/
COPY subgraphs/push/package.json subgraphs/push/
COPY subgraphs/commitment/package.json subgraphs/commitment/
COPY subgraphs/repair/package.json subgraphs/repair/
COPY gateway/package.json gateway/
COPY web/package.json web/
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run generate && npx tsx web/build.ts --force
USER node
# node itself, as every service process starts (packages/kit/src/launch.ts): tsx is a dependency, so `npm ci` installs
# it under NODE_ENV=production; scripts/docker-compose.test.ts holds this line to the kit's.
CMD ["node", "--max-semi-space-size=32", "--import", "tsx/esm", "gateway/src/main.ts"]
