import { mountApp } from "@ohmcloud/app-shell";
import "@ohmcloud/app-shell/styles.css";
import { EdaApp } from "./EdaApp";

mountApp(<EdaApp />);
