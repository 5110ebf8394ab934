import { useId, type ReactNode } from 'react';

/** What a field's control wears so that its label, hint and error belong to it. */
export interface ControlProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  label: string;
  hint: string;
  /** Set when the Review button found the field wrong: said in an alert of its own, after the hint. */
  error?: string;
  /**
   * Set while what is typed is not usable yet: said in place of the hint, without an alert, so
   * the customer is not interrupted at each keystroke.
   */
  hintError?: string;
  /** The field is checked (description, e-mail, draw link): its control says whether it is valid. */
  checked?: boolean;
  /** The control (input, textarea), given its id and ARIA attributes. */
  children: (control: ControlProps) => ReactNode;
}

/**
 * One field of the form: its label, its control, a hint (`<id>-hint`) the control is described
 * by, and the error (`<id>-error`) when there is one. Fragments only, no wrapper: the form's
 * stylesheet lays label, control and hint out as its own children.
 */
export function Field({ label, hint, error, hintError, checked, children }: FieldProps) {
  const id = useId();
  const control: ControlProps = { id, 'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}` };
  if (checked) control['aria-invalid'] = Boolean(error || hintError);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      <p id={`${id}-hint`} className={hintError ? 'field-error' : 'hint'}>
        {hintError ?? hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
