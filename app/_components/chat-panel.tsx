"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { MessageView } from "../../lib/film/views";
import type { EditTarget } from "../_lib/api-client";

export interface PendingTarget {
  target: EditTarget;
  label: string;
}

/** The conversation with the writer, and the box to type the next idea or change into. */
export function ChatPanel({
  messages,
  pendingMessage,
  busy,
  hasFilm,
  target,
  onClearTarget,
  onSend,
  onShowCut,
  activeCutId,
}: {
  messages: MessageView[];
  pendingMessage: string | null;
  busy: boolean;
  hasFilm: boolean;
  target: PendingTarget | null;
  onClearTarget: () => void;
  onSend: (text: string) => Promise<boolean>;
  onShowCut: (cutId: string) => void;
  activeCutId: string | null;
}) {
  const [text, setText] = useState("");
  const input = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [messages.length, pendingMessage]);

  useEffect(() => {
    if (target) input.current?.focus();
  }, [target]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const sent = await onSend(text);
    if (sent) setText("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <section className="chat" aria-label="Chat">
      <div className="chat-log">
        {messages.length === 0 && !pendingMessage ? (
          <div className="chat-empty">
            <p className="chat-empty-title">What is your film about?</p>
            <p>Describe an idea: who is in it, where it happens, how long it runs. Auteur writes the screenplay, casts and voices the characters, and renders the film.</p>
            <p className="muted">Try: “A 30-second noir: Mara, a detective with a scar, meets Leo, a nervous informant, at a rainy neon alley.”</p>
          </div>
        ) : null}
        {messages.map((m) => (
          <div key={m.id} className={`chat-message chat-${m.role}`} data-testid="chat-message" data-role={m.role}>
            <div className="chat-role">{m.role === "user" ? "You" : "Auteur"}</div>
            <div className="chat-content">{m.content}</div>
            {m.role === "assistant" && m.cutId ? (
              <button type="button" className={`link-button ${m.cutId === activeCutId ? "active" : ""}`} onClick={() => onShowCut(m.cutId as string)}>
                {m.cutId === activeCutId ? "Showing this cut" : "Show this cut"}
              </button>
            ) : null}
          </div>
        ))}
        {pendingMessage ? (
          <>
            <div className="chat-message chat-user chat-pending" data-testid="chat-message" data-role="user">
              <div className="chat-role">You</div>
              <div className="chat-content">{pendingMessage}</div>
            </div>
            <div className="chat-message chat-assistant chat-typing">
              <div className="chat-role">Auteur</div>
              <div className="chat-content">
                <span className="spinner" aria-hidden /> {hasFilm ? "Revising the screenplay…" : "Writing the screenplay…"}
              </div>
            </div>
          </>
        ) : null}
        <div ref={end} />
      </div>
      <form className="composer" onSubmit={submit}>
        {target ? (
          <div className="target-chip" data-testid="target-chip">
            Changing {target.label}
            <button type="button" aria-label="Stop targeting" onClick={onClearTarget}>
              ×
            </button>
          </div>
        ) : null}
        <textarea
          ref={input}
          data-testid="idea-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={hasFilm ? "Ask for a change: “make the ending hopeful”" : "Type a film idea…"}
          rows={3}
          autoFocus
          aria-label={hasFilm ? "Message" : "Film idea"}
        />
        <div className="composer-row">
          <span className="muted hint">Enter sends · Shift+Enter for a new line</span>
          <button type="submit" data-testid="send-button" className="primary" disabled={busy}>
            {busy ? "Working…" : hasFilm ? "Send" : "Make film"}
          </button>
        </div>
      </form>
    </section>
  );
}
