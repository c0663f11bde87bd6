/** Offers text or a blob as a file download, typed by the file name's extension. */

const TYPES: Readonly<Record<string, string>> = {
  json: "application/json",
  svg: "image/svg+xml",
  png: "image/png",
  vcd: "text/plain",
};

export type Download = (name: string, data: Blob | string) => void;

export const downloadFile: Download = (name, data) => {
  const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  const blob =
    typeof data === "string"
      ? new Blob([data], { type: TYPES[extension] ?? "application/octet-stream" })
      : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
