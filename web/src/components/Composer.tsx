/** The text box for typed turns. */
import { useState, type FormEvent } from "react";

export function Composer({ disabled, onSend }: { disabled: boolean; onSend: (text: string) => void }) {
  const [value, setValue] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (!text || disabled) return;
    onSend(text);
    setValue("");
  };
  return (
    <form className="composer" onSubmit={submit} aria-label="Type a message">
      <label htmlFor="composer-input" className="visually-hidden">
        Message to the assistant
      </label>
      <input
        id="composer-input"
        type="text"
        autoComplete="off"
        maxLength={4000}
        placeholder={disabled ? "Start a conversation to type" : "Type a message…"}
        value={value}
        disabled={disabled}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" disabled={disabled || !value.trim()}>
        Send
      </button>
    </form>
  );
}
