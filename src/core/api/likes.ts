/** The likes API (`/api/likes`) as the widget and the server both see it (server/likes/route.ts). */

/** `POST /api/likes/:productId`: one anonymous shopper likes the product, or no longer does. */
export interface LikeRequestBody {
  /** The random id the widget keeps for the shopper (16 to 64 of A–Z, a–z, 0–9, _ and -). */
  readonly shopper: string;
  readonly liked: boolean;
}

/** What `POST /api/likes/:productId` answers: the count after the change. */
export interface LikeResponse {
  readonly productId: string;
  readonly count: number;
  readonly liked: boolean;
}

/** `GET /api/likes?ids=a,b&shopper=…`: counts by product id, and which of them the shopper likes. */
export interface LikesResponse {
  readonly counts: Readonly<Record<string, number>>;
  readonly liked?: readonly string[];
}
