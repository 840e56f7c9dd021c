// Upload checker (SPEC §9): drop a real file; the page reads its first bytes and its size,
// hashes it with the core's streaming SHA-256 (progress bar), and validates name, type, size
// and content. Every field stays editable. Computed by Sha256Stream and validateUpload.
import { useMemo, useRef, useState } from 'react';
import { Sha256Stream, validateUpload, type UploadPurpose } from '@avalo/core';
import { attempt, failure, num, type Failure, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { DateTime, Suggest, ErrorBox, Field, msFromUtc, Panel, Result, Select } from '../ui';

const PURPOSES = ['(none)', 'profile_photo', 'feed_image', 'story_video', 'chat_image', 'chat_video', 'chat_audio', 'creator_content'] as const;
const HEAD_BYTES = 64;
const MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'video/mp4', 'video/quicktime', 'audio/mpeg', 'audio/aac', 'audio/ogg'] as const;
const CHUNK = 1 << 20; // 1 MiB per update()

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Hex text → bytes, or the page's own refusal (INVALID_HEX). */
function fromHex(text: string): Outcome<Uint8Array | undefined> {
  const t = text.replace(/\s+/g, '');
  if (t === '') return { ok: true, value: undefined };
  if (t.length % 2 !== 0 || /[^0-9a-fA-F]/.test(t)) return { ok: false, error: { code: 'INVALID_HEX', reason: 'first bytes: not an even number of hex digits' } };
  return { ok: true, value: Uint8Array.from(t.match(/../g) ?? [], (h) => parseInt(h, 16)) };
}

export function UploadPanel() {
  const { policy } = usePolicy();
  const [mime, setMime] = useState('image/png');
  const [size, setSize] = useState('1048576');
  const [name, setName] = useState('holiday photo.png');
  const [purpose, setPurpose] = useState<string>('profile_photo');
  const [head, setHead] = useState('89504e470d0a1a0a0000000d49484452');
  const [user, setUser] = useState('u_123');
  const [sha, setSha] = useState('04f8d0082a885d44c2b2c59a506ec5d6466f4ba73c28c2e905fe5521710f1559');
  const [now, setNow] = useState('2026-11-20T12:00');
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [hashError, setHashError] = useState<Failure | null>(null);
  const [dragging, setDragging] = useState(false);
  const job = useRef(0);

  const verdict = useMemo(() => {
    if (!policy) return null;
    if (progress && progress.done < progress.total) return null; // still hashing
    const bytes = fromHex(head);
    if (!bytes.ok) return bytes;
    return attempt(() =>
      validateUpload(policy, {
        mime_type: mime,
        size_bytes: num(size),
        file_name: name,
        purpose: purpose === '(none)' ? undefined : (purpose as UploadPurpose),
        head: bytes.value,
        user_id: user,
        content_sha256: sha,
        now_ms: msFromUtc(now),
      }),
    );
  }, [policy, mime, size, name, purpose, head, user, sha, now, progress]);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const id = ++job.current;
    setHashError(null);
    setName(file.name);
    setMime(file.type || 'application/octet-stream');
    setSize(String(file.size));
    setHead(toHex(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer())));
    setSha('');
    setProgress({ done: 0, total: file.size, name: file.name });
    const stream = new Sha256Stream();
    try {
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
        if (id !== job.current) return; // a newer file replaced this one
        stream.update(chunk);
        setProgress({ done: stream.bytesHashed, total: file.size, name: file.name });
      }
      setSha(stream.finish());
      setProgress({ done: file.size, total: file.size, name: file.name });
    } catch (e) {
      setHashError(failure(e));
    } finally {
      stream.free();
    }
  };

  return (
    <Panel
      id="upload"
      title="Upload checker"
      intro="Drop a file: its first bytes, size and SHA-256 (streamed) go through the same validation as the server's."
      fingerprint={verdict?.ok ? verdict.value.policy_fingerprint : undefined}
    >
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        data-testid="upload-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor="upload-file">Drop a file here, or choose one</label>
        <input id="upload-file" name="upload-file" type="file" onChange={(e) => void take(e.target.files?.[0])} />
        {progress && (
          <div className="progress" data-testid="upload-progress">
            <progress max={Math.max(progress.total, 1)} value={progress.total === 0 ? 1 : progress.done} aria-label={`Hashing ${progress.name}`} />
            <span data-field="hashed" data-value={String(progress.done)}>
              {progress.done === progress.total ? 'hashed' : 'hashing'} {progress.done} / {progress.total} bytes
            </span>
          </div>
        )}
        {hashError && <ErrorBox error={hashError} />}
      </div>
      <div className="fields">
        <Field label="File name" name="up-name" value={name} onChange={setName} />
        <Suggest label="Declared MIME type" name="up-mime" value={mime} onChange={setMime} options={MIMES} />
        <Field label="Size (bytes)" name="up-size" numeric value={size} onChange={setSize} />
        <Select label="Purpose" name="up-purpose" value={purpose} onChange={setPurpose} options={PURPOSES} />
        <Field label="Uploader id" name="up-user" value={user} onChange={setUser} />
        <DateTime label="Now" name="up-now" value={now} onChange={setNow} />
        <Field label={`First bytes (hex, up to ${HEAD_BYTES}; empty = skip sniffing)`} name="up-head" value={head} onChange={setHead} wide />
        <Field label="Content SHA-256 (hex)" name="up-sha" value={sha} onChange={setSha} wide />
      </div>
      <Result
        testid="upload-result"
        label="Upload verdict"
        outcome={verdict}
        rows={(v) =>
          Object.entries(v)
            .filter(([k]) => k !== 'policy_fingerprint')
            .map(([k, x]) => [k.replace(/_/g, ' '), k, x === null ? '—' : String(x), x === null ? '' : String(x)])
        }
      />
    </Panel>
  );
}
