import { useRef, useState, type DragEvent } from 'react';

const ACCEPT = '.txt,.html,.htm,.pdf,.doc,.docx,.wps,.xls,.xlsx,.zip,.png,.jpg,.jpeg,.tif,.tiff';

/** Drag files here, or press to choose them (keyboard users get the same file dialog). */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>把年度报告文件拖到这里</p>
      <p className="muted">支持 TXT、HTML、PDF、Word、WPS、Excel、图片，可一次多个，也可以是 ZIP 压缩包</p>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        选择文件
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
