import { z } from 'zod';
import { LANGS } from '../nlu/types';

const intentId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an intent id is lower-case letters, digits and _');
const question = z
  .string()
  .min(1, 'a question may not be empty')
  .max(300, 'a question is at most 300 characters')
  .refine((s) => s.trim() === s && s.trim().length > 0, 'a question has no leading or trailing white space');

export const sourceRefSchema = z.object({
  paragraph: z.number().int().min(1),
  anchor: z.string().min(3),
});

export const intentSchema = z
  .object({
    id: intentId,
    kind: z.enum(['fact', 'smalltalk']),
    followUps: z.array(intentId).max(3),
    source: z.array(sourceRefSchema).min(1).optional(),
  })
  .strict()
  .superRefine((intent, ctx) => {
    if (intent.kind === 'fact' && !intent.source) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a fact intent needs a source reference' });
    }
    if (intent.kind === 'fact' && intent.followUps.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['followUps'], message: 'a fact intent needs 2 or 3 follow-ups' });
    }
    if (intent.followUps.includes(intent.id)) {
      ctx.addIssue({ code: 'custom', path: ['followUps'], message: 'an intent cannot follow up on itself' });
    }
  });

export const intentsFileSchema = z
  .object({
    source: z.string().min(1),
    intents: z.array(intentSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.intents.forEach((intent, i) => {
      if (ids.has(intent.id)) ctx.addIssue({ code: 'custom', path: ['intents', i, 'id'], message: `duplicate intent id "${intent.id}"` });
      ids.add(intent.id);
    });
    file.intents.forEach((intent, i) => {
      intent.followUps.forEach((f, j) => {
        if (!ids.has(f)) ctx.addIssue({ code: 'custom', path: ['intents', i, 'followUps', j], message: `unknown intent "${f}"` });
      });
    });
  });

const uniqueQuestions = (min: number) =>
  z
    .array(question)
    .min(min)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((q, i) => {
        const key = q.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate question "${q}"` });
        seen.add(key);
      });
    });

export const MIN_EXAMPLES_PER_INTENT = 15;
export const MIN_TESTS_PER_INTENT = 5;
export const MIN_OUT_OF_SCOPE_TESTS = 40;

export const examplesFileSchema = z
  .object({
    lang: z.enum(LANGS),
    intents: z.record(intentId, uniqueQuestions(MIN_EXAMPLES_PER_INTENT)),
    outOfScope: uniqueQuestions(0),
  })
  .strict();

export const testsFileSchema = z
  .object({
    lang: z.enum(LANGS),
    intents: z.record(intentId, uniqueQuestions(MIN_TESTS_PER_INTENT)),
    outOfScope: uniqueQuestions(MIN_OUT_OF_SCOPE_TESTS),
  })
  .strict();

export type IntentDefinition = z.infer<typeof intentSchema>;
export type IntentsFile = z.infer<typeof intentsFileSchema>;
export type ExamplesFile = z.infer<typeof examplesFileSchema>;
export type TestsFile = z.infer<typeof testsFileSchema>;

export const conceptsFileSchema = z
  .object({
    lang: z.enum(LANGS),
    concepts: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'a concept name is lower-case letters, digits and _'),
      z.array(z.string().min(1).max(80)).min(1),
    ),
  })
  .strict();

export type ConceptsFile = z.infer<typeof conceptsFileSchema>;
