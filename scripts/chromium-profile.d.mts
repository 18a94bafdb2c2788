export declare function unpackedExtensionId(folder: string): string;
export declare function pinExtension(profile: string, folder: string): void;
