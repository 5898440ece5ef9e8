export function benchBrowser(root: string, opts: { quick: boolean }): Promise<[string, number, string][]>;
