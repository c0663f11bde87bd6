/**
 * New / Open / Save for project files. Asks before discarding unsaved changes; a file that cannot
 * be read shows why and leaves the current project as it was.
 */
import { useRef, useState, type ChangeEvent } from "react";
import { parseProject, ProjectFileError, type ArduinoProject } from "./project-file";

export const DISCARD_QUESTION = "Discard the unsaved changes to this project?";

export interface ProjectBarProps {
  readonly unsaved: boolean;
  readonly onNew: () => void;
  readonly onOpen: (project: ArduinoProject) => void;
  readonly onSave: () => void;
  readonly confirm: (question: string) => boolean;
}

export function ProjectBar({ unsaved, onNew, onOpen, onSave, confirm }: ProjectBarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const mayDiscard = () => !unsaved || confirm(DISCARD_QUESTION);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    try {
      onOpen(parseProject(await file.text()));
      setError(null);
    } catch (failure) {
      if (!(failure instanceof ProjectFileError)) throw failure;
      setError(`Cannot open ${file.name}: ${failure.message}`);
    }
  };

  return (
    <div className="ar-project" role="group" aria-label="Project">
      <button
        type="button"
        onClick={() => {
          if (!mayDiscard()) return;
          setError(null);
          onNew();
        }}
        data-testid="project-new"
      >
        New
      </button>
      <button
        type="button"
        onClick={() => mayDiscard() && fileInput.current?.click()}
        data-testid="project-open"
      >
        Open…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => void open(event)}
        data-testid="project-file"
      />
      <button type="button" onClick={onSave} data-testid="project-save">
        Save
      </button>
      <span className="ar-muted" data-testid="project-state">
        {unsaved ? "Unsaved changes (autosaved in this browser)" : "Saved"}
      </span>
      {error && (
        <p className="ar-warning" role="alert" data-testid="project-error">
          {error}
        </p>
      )}
    </div>
  );
}
