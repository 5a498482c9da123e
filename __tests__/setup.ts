import { setupJest } from "cdktf/lib/testing/adapters/jest";
import { removeTempDirs } from "./support/temp";

setupJest();
afterAll(removeTempDirs);
