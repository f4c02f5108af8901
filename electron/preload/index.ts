/**
 * Runs sandboxed, with context isolation: it can only forward calls. `window.skillfolio`
 * has exactly one function per contract channel (the names come from shared/channels.ts, which
 * the compiler holds equal to contract.ts's keys, so zod and the schemas stay out of here); `window.skillfolioFiles` turns a dropped File into its disk path (File.path no longer exists
 * in Electron 32+) and asks the main process to save a PDF or open one it saved. Nothing else of Electron reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { Api } from '../shared/contract'
import { CHANNEL_NAMES as CHANNELS } from '../shared/channels'
import { FILE_CHANNELS, type SaveFilesApi } from '../shared/files'

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as unknown as Api

export interface FilesApi extends SaveFilesApi {
  /** '' for files that do not come from disk (e.g. built in JavaScript). */
  getPathForFile(file: File): string
}

const files: FilesApi = {
  getPathForFile: (file: File) => webUtils.getPathForFile(file),
  savePdf: (request) => ipcRenderer.invoke(FILE_CHANNELS.savePdf, request),
  openSaved: (path) => ipcRenderer.invoke(FILE_CHANNELS.openSaved, path),
}

contextBridge.exposeInMainWorld('skillfolio', api)
contextBridge.exposeInMainWorld('skillfolioFiles', files)
