import { useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../api/client';

/** First message per top-level field, for showing next to the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    out[field] ??= issue.message;
  }
  return out;
}

/**
 * Every editing form: check the input with the contract's own schema, then save; a field's error shows
 * beside it, the backend's refusal (key `_`) in the dialog, and the button spins meanwhile.
 */
export function useFormSave(live?: { schema: z.ZodType; input: unknown }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function save<S extends z.ZodType>(schema: S, input: unknown, write: (value: z.output<S>) => Promise<void>): Promise<void> {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setSaving(true);
    try {
      await write(parsed.data);
      setErrors({});
    } catch (error) {
      setErrors({ _: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  // A field's message goes as soon as the field is put right, not at the next press of 保存.
  const still = live && Object.keys(errors).some((k) => k !== '_') ? live.schema.safeParse(live.input) : null;
  const stillFailing = still && !still.success ? fieldErrors(still.error) : {};
  const shown = still ? Object.fromEntries(Object.entries(errors).filter(([k]) => k === '_' || k in stillFailing)) : errors;
  return { errors: shown, setErrors, saving, save };
}
