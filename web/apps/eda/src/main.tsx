import { ApiClient, AuthApi } from "@ohmcloud/api-client";
import { AuthProvider } from "@ohmcloud/app-shell";
import "@ohmcloud/app-shell/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EdaApp } from "./EdaApp";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const auth = new AuthApi(new ApiClient());

createRoot(root).render(
  <StrictMode>
    <AuthProvider auth={auth}>
      <EdaApp />
    </AuthProvider>
  </StrictMode>,
);
