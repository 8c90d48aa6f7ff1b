/**
 * The learner's workstation: user `learner` on host `kubelab`, home /home/learner holding the
 * lesson files, bash with prompt `learner@kubelab:~$ `. kubectl is added by the session.
 */
import type { Command } from '../command.js';
import { bashPrompt, type Host } from '../host.js';
import { coreUtilities, editorCommands, type OpenEditor } from '../utils/index.js';
import { Vfs, writeTree, type VfsSnapshot } from '../vfs.js';

export const WORKSTATION = { user: 'learner', hostname: 'kubelab', home: '/home/learner' } as const;

/** The parts of Ubuntu's /etc/skel/.bashrc that change what commands print. */
const BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# don't put duplicate lines or lines starting with space in the history.
HISTCONTROL=ignoreboth

# enable color support of ls and also add handy aliases
alias ls='ls --color=auto'
alias grep='grep --color=auto'
alias fgrep='fgrep --color=auto'
alias egrep='egrep --color=auto'

# some more ls aliases
alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'
`;

export interface WorkstationOptions {
  now(): number;
  files?: Record<string, string>;
  openEditor?: OpenEditor;
  /** Commands the session adds (kubectl). */
  extra?: Record<string, Command>;
  snapshot?: VfsSnapshot;
}

export function createWorkstation(opts: WorkstationOptions): Host {
  const { user, hostname, home } = WORKSTATION;
  let fs: Vfs;
  if (opts.snapshot) fs = new Vfs({ now: opts.now, snapshot: opts.snapshot });
  else {
    fs = new Vfs({ now: opts.now, owner: user });
    for (const d of ['/etc', '/tmp', '/usr/bin', '/usr/local/bin', home]) fs.mkdir(d, true);
    fs.chmod('/tmp', 0o777);
    fs.writeFile('/etc/hostname', hostname + '\n');
    fs.writeFile(`${home}/.bashrc`, BASHRC);
    fs.mkdir(`${home}/.kube`, true);
    if (opts.files) writeTree(fs, home, opts.files);
  }
  return {
    id: 'workstation',
    label: 'workstation',
    hostname,
    user,
    home,
    fs,
    env: {
      HOME: home, USER: user, LOGNAME: user, SHELL: '/bin/bash', LANG: 'C.UTF-8', TERM: 'xterm-256color',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', KUBECONFIG: `${home}/.kube/config`,
    },
    commands: { ...coreUtilities({ now: opts.now, user, hostname }), ...editorCommands(opts.openEditor), ...opts.extra },
    paths: { kubectl: '/usr/local/bin/kubectl', code: '/usr/local/bin/code' },
    dialect: 'bash',
    workdir: home,
    prompt: (cwd) => bashPrompt(user, hostname, home, cwd),
  };
}
