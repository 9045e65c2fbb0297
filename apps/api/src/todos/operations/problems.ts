export * from "../../http/operation-problems";
