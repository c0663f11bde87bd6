import { mountApp } from "@ohmcloud/app-shell";
import "@ohmcloud/app-shell/styles.css";
import { ArduinoApp } from "./ArduinoApp";

mountApp(<ArduinoApp />);
