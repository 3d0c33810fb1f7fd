/**
 * The status bar text from the server's `vault-ls/status` notifications: indexing progress while
 * any vault of the workspace is being read, then the number of notes.
 */

/** The params of `vault-ls/status`. */
export interface VaultStatus {
  vault: string;
  state: 'indexing' | 'ready' | string;
  notes: number;
  total: number;
}

const number = new Intl.NumberFormat('en-US');

/** Remembers the latest status of each vault (a workspace may hold several). */
export class VaultStatuses {
  private readonly byVault = new Map<string, VaultStatus>();

  update(status: VaultStatus): void {
    this.byVault.set(status.vault, status);
  }

  clear(): void {
    this.byVault.clear();
  }

  /** "vault-ls: indexing 1,200/10,000" while indexing, then "vault-ls: 1,234 notes". */
  text(): string {
    const all = [...this.byVault.values()];
    if (all.length === 0) {
      return 'vault-ls: starting';
    }
    const notes = sum(all.map((s) => s.notes));
    if (this.indexing()) {
      const total = sum(all.map((s) => Math.max(s.total, s.notes)));
      return `vault-ls: indexing ${number.format(notes)}/${number.format(total)}`;
    }
    return `vault-ls: ${number.format(notes)} ${notes === 1 ? 'note' : 'notes'}`;
  }

  indexing(): boolean {
    return [...this.byVault.values()].some((s) => s.state === 'indexing');
  }

  /** One line per vault, for the tooltip. */
  details(): string[] {
    return [...this.byVault.values()].map((s) => {
      const name = decodeURIComponent(s.vault.replace(/\/+$/, '').split('/').pop() ?? s.vault);
      return s.state === 'indexing'
        ? `${name}: indexing ${number.format(s.notes)}/${number.format(s.total)}`
        : `${name}: ${number.format(s.notes)} notes`;
    });
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}
