import { parseNumberList } from '@shared/phone/number-list'
import type { ParseReply, ParseRequest } from './number-list-protocol'
import { formatOf, pack } from './number-list-protocol'

// Reads, parses and normalizes a number list off the page's thread: a 200,000-row file is read from
// the File here, progress is posted as it goes, and the numbers go back as one transferred buffer.

const post = (reply: ParseReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer })

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  void handle(event.data)
})

async function handle(request: ParseRequest): Promise<void> {
  const { id, source } = request
  try {
    const text = source.kind === 'file' ? await source.file.text() : source.text
    const format = formatOf(source)
    const { numbers, ...rest } = parseNumberList(text, {
      defaultRegion: request.defaultRegion,
      maxNumbers: request.maxNumbers,
      progressEvery: 5_000,
      onProgress: (done, total) => post({ id, type: 'progress', done, total }),
      ...(format ? { format } : {}),
    })
    const packed = pack(numbers)
    post({ id, type: 'done', summary: { ...rest, count: numbers.length }, packed }, [packed])
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}
