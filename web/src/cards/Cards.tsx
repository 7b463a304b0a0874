/** Cards rendered from tool results: products, categories, order, shipment, knowledge. */
import { httpUrl } from "../backend";
import { dateTime, day, humanize, list, money, text } from "../format";
import type { Card } from "../session/protocol";

export function ProductsCard({ card }: { card: Card }) {
  const items = list(card.items);
  const query = text(card.query);
  const total = typeof card.total === "number" ? card.total : items.length;
  return (
    <section className="card card-products" aria-label={query ? `Products for “${query}”` : "Product"}>
      {query && (
        <h3 className="card-title">
          {total === 0 ? "No products" : `${total} product${total === 1 ? "" : "s"}`} for “{query}”
        </h3>
      )}
      {items.length === 0 ? (
        <p className="muted">Nothing matched. Try other words or a higher budget.</p>
      ) : (
        <ul className="product-grid">
          {items.map((item) => {
            const name = text(item.name, "Product");
            const image = text(item.image_url);
            const stock = typeof item.stock === "number" ? item.stock : null;
            return (
              <li key={text(item.id, name)} className="product" data-product-id={text(item.id)}>
                {image && <img src={httpUrl(image)} alt="" width={96} height={96} loading="lazy" />}
                <div>
                  <p className="product-name">{name}</p>
                  <p className="product-price">{money(item.price, item.currency)}</p>
                  <p className={`stock ${stock === 0 ? "stock-out" : ""}`}>
                    {humanize(item.availability) !== "—"
                      ? humanize(item.availability)
                      : stock === null
                        ? ""
                        : `${stock} in stock`}
                    {stock !== null && stock > 0 ? ` (${stock} left)` : ""}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function CategoriesCard({ card }: { card: Card }) {
  return (
    <section className="card" aria-label="Categories">
      <h3 className="card-title">What the store sells</h3>
      <ul className="chips">
        {list(card.items).map((c) => (
          <li key={text(c.slug)}>
            {text(c.name)} <span className="muted">({text(c.product_count)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrderCard({ card }: { card: Card }) {
  const lines = list(card.lines);
  const status = text(card.status);
  return (
    <section className="card card-order" aria-label={`Order ${text(card.id)}`} data-order-id={text(card.id)}>
      <h3 className="card-title">
        {status === "cancelled" ? "Order cancelled" : status === "shipped" ? "Order shipped" : "Order confirmed"}
      </h3>
      <p>
        Order number <strong className="mono">{text(card.id)}</strong> · <span className={`badge badge-${status}`}>{humanize(status)}</span>
      </p>
      <table className="lines">
        <caption className="visually-hidden">Order lines</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Qty</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={text(line.product_id)}>
              <td>{text(line.name)}</td>
              <td>{text(line.quantity)}</td>
              <td>{money(line.line_total, card.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td>
              <strong>{money(card.total, card.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {text(card.tracking_number) && (
        <p>
          Tracking <span className="mono">{text(card.tracking_number)}</span>
        </p>
      )}
    </section>
  );
}

export function ShipmentCard({ card }: { card: Card }) {
  const timeline = list(card.timeline);
  const label = text(card.label_url);
  // The gateway sends the normalised address as one line; older shapes sent its parts.
  const parts = (typeof card.address === "object" && card.address !== null ? card.address : {}) as Record<string, unknown>;
  const addressLine =
    text(card.address) ||
    [parts.street, parts.city, parts.state, parts.postal_code]
      .map((v) => text(v))
      .filter(Boolean)
      .join(", ");
  return (
    <section className="card card-shipment" aria-label={`Shipment for order ${text(card.order_id)}`}>
      <h3 className="card-title">Shipment</h3>
      <dl className="facts">
        <dt>Carrier</dt>
        <dd data-field="carrier">
          {text(card.carrier)} {text(card.service) && <span className="muted">({humanize(card.service)})</span>}
        </dd>
        <dt>Tracking number</dt>
        <dd className="mono" data-field="tracking">
          {text(card.tracking_number)}
        </dd>
        <dt>Status</dt>
        <dd>{humanize(card.status)}</dd>
        <dt>Estimated delivery</dt>
        <dd>{day(card.estimated_delivery)}</dd>
        {addressLine && (
          <>
            <dt>Ship to</dt>
            <dd>{addressLine}</dd>
          </>
        )}
        <dt>Cost</dt>
        <dd>{money(card.cost, card.currency)}</dd>
      </dl>
      {timeline.length > 0 && (
        <ol className="timeline" aria-label="Shipment status timeline">
          {timeline.map((event, i) => (
            <li key={i} className={event.reached ? "reached" : "pending"}>
              <span className="dot" aria-hidden="true" />
              <span>
                <strong>{text(event.description) || humanize(event.status)}</strong>
                <span className="muted">
                  {" "}
                  {text(event.location)} · {dateTime(event.at)}
                  {event.reached ? "" : " (expected)"}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {label && (
        <a className="button secondary" href={httpUrl(label)} download={`label-${text(card.tracking_number, "shipment")}.pdf`}>
          Download shipping label (PDF)
        </a>
      )}
    </section>
  );
}

/** Knowledge answers: the passages the assistant drew on, with their sources. */
export function KnowledgeCard({ card }: { card: Card }) {
  // search_knowledge sends `sources` (title, section, excerpt, doc_id, chunk_id).
  const passages = list(card.sources ?? card.passages ?? card.items);
  return (
    <section className="card card-knowledge" aria-label="Sources">
      <h3 className="card-title">{text(card.query) ? `Sources for “${text(card.query)}”` : "Sources"}</h3>
      {text(card.answer) && <p>{text(card.answer)}</p>}
      {passages.length === 0 ? (
        <p className="muted">No document answered this question.</p>
      ) : (
        <ol className="sources">
          {passages.map((p, i) => {
            const title = text(p.title, "Document");
            const section = text(p.section ?? p.heading);
            const body = text(p.excerpt ?? p.text);
            const url = text(p.url ?? p.source_url);
            return (
              <li key={text(p.chunk_id ?? p.id, String(i))} data-doc-id={text(p.doc_id)}>
                <p className="source-title">
                  {url ? <a href={url}>{title}</a> : title}
                  {section && <span className="muted"> — {section}</span>}
                </p>
                {body && <blockquote>{body}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function ToolCard({ tool, card, ok, error }: { tool: string; card: Card | null; ok: boolean; error: string | null }) {
  if (!ok) {
    return (
      <section className="card card-error" role="note" aria-label={`${humanize(tool)} failed`}>
        <p>
          <strong>{humanize(tool)}</strong> did not work: {error ?? "unknown error"}
        </p>
      </section>
    );
  }
  if (!card) return null;
  switch (card.kind) {
    case "products":
      return <ProductsCard card={card} />;
    case "categories":
      return <CategoriesCard card={card} />;
    case "order":
      return <OrderCard card={card} />;
    case "shipment":
      return <ShipmentCard card={card} />;
    case "knowledge":
    case "sources":
      return <KnowledgeCard card={card} />;
    default:
      return null;
  }
}
