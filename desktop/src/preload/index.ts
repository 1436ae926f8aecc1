// Sandboxed preload: exposes window.sidecoach (the SidecoachBridge verbs) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

// Arrow function: the page must not get a handle on ipcRenderer through `this` or a bound method.
contextBridge.exposeInMainWorld(
  'sidecoach',
  createBridge(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => void ipcRenderer.removeListener(channel, handler);
    },
  ),
);
