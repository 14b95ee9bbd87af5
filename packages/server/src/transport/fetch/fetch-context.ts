import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestInfo } from '@typefast/http'
import { CapturedContext } from '../../middleware/captured-context.js'
import { requestInfo } from '../../pipeline/request-info.js'
import type { FetchRequestHead } from './fetch-head.js'
import type { FetchServerResponse } from './fetch-response.js'

/**
 * The context of a request app.fetch serves directly: the route answers with a response object
 * (the pipeline's response-object path), so no node response is written. Only an answer that
 * streams gets one, a `FetchServerResponse`, made when it is sent.
 */
export class FetchContext extends CapturedContext {
  #info: RequestInfo | undefined

  constructor(head: FetchRequestHead) {
    // Nothing on the response-object path writes to `res`: the streamed answer's is set by `streamTo`.
    super(head as unknown as IncomingMessage, undefined as unknown as ServerResponse)
  }

  get head(): FetchRequestHead {
    return this.req as unknown as FetchRequestHead
  }

  /** As node's, but `raw` is the request as a node stream, made only if it is read. */
  override get request(): RequestInfo {
    if (this.#info === undefined) {
      const head = this.head
      this.#info = {
        ...requestInfo(this.req),
        get raw() {
          return head.node() as unknown as IncomingMessage
        },
      }
    }
    return this.#info
  }

  /** The node-shaped response a streamed answer (a stream, SSE, JSON Lines, a file) is written to. */
  streamTo(res: FetchServerResponse): void {
    ;(this as { res: unknown }).res = res
  }
}
