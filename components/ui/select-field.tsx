'use client';

import { useId, type ReactNode } from 'react';
import { FieldError, inputClass } from './field-error';

type Props = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  name?: string;
  children: ReactNode;
  className?: string;
};

export function SelectField({ label, value, onValueChange, error, name, children, className = '' }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={inputClass(Boolean(error))}
      >
        {children}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
