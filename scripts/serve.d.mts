export interface Served {
  url: string;
  pages: Map<string, string | (() => Promise<string>)>;
  close(): Promise<void>;
}
export declare function serve(options?: { port?: number; mounts?: Record<string, string>; pages?: Map<string, string | (() => Promise<string>)> }): Promise<Served>;
