import * as vscode from 'vscode';

// Placeholder until the extension layer lands: activation must succeed.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
