// A JSON request body read for the relay's HTTP addresses: at most so many bytes, JSON, and in the shape the
// address expects, or the status and words to answer with. Each API turns the problem into its own error.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { maxApiBodyBytes } from '../shared/protocol/api.ts';
import { fail, ok, type Result } from '../shared/result.ts';

export interface BodyProblem {
  status: 400 | 413;
  reason: string;
}

export async function readJsonBody<T extends z.ZodType>(
  request: IncomingMessage,
  schema: T,
  maxBytes = maxApiBodyBytes,
): Promise<Result<z.infer<T>, BodyProblem>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      return fail({ status: 413, reason: `The request is too large (the relay reads up to ${maxBytes / 1024} KB).` });
    chunks.push(chunk);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    return fail({ status: 400, reason: 'The request body must be JSON.' });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return fail({ status: 400, reason: `The request is not what the relay expects: ${where}${issue?.message ?? ''}` });
}
