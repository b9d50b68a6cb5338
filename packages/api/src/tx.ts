import type { Prisma } from '@ip/db';

/** The Prisma client inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;
