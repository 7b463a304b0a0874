import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ToolCard } from "./Cards";

const products = {
  kind: "products",
  query: "running shoes under fifty",
  total: 2,
  items: [
    { id: 13, name: "Trailblazer Running Shoe", price: 44.99, currency: "USD", stock: 12, availability: "in_stock", image_url: "/api/products/13/image.svg" },
    { id: 14, name: "Sold Out Shoe", price: 30, currency: "USD", stock: 0, availability: "out_of_stock", image_url: "/api/products/14/image.svg" },
  ],
};

describe("ToolCard", () => {
  it("shows products with image, name, price and stock", () => {
    render(<ToolCard tool="search_products" card={products} ok error={null} />);
    const region = screen.getByRole("region", { name: "Products for “running shoes under fifty”" });
    expect(within(region).getByText("2 products", { exact: false })).toBeInTheDocument();
    const items = within(region).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText("Trailblazer Running Shoe")).toBeInTheDocument();
    expect(within(items[0]!).getByText("$44.99")).toBeInTheDocument();
    expect(within(items[0]!).getByText(/In stock \(12 left\)/)).toBeInTheDocument();
    expect(items[0]!.querySelector("img")?.getAttribute("src")).toBe(`${window.location.origin}/api/products/13/image.svg`);
    expect(within(items[1]!).getByText("Out of stock")).toHaveClass("stock-out");
  });

  it("shows an order confirmation with its lines and total", () => {
    render(
      <ToolCard
        tool="create_order"
        ok
        error={null}
        card={{
          kind: "order",
          id: "48271930",
          status: "placed",
          currency: "USD",
          lines: [{ product_id: 13, name: "Trailblazer Running Shoe", quantity: 2, unit_price: 44.99, line_total: 89.98 }],
          total: 89.98,
        }}
      />,
    );
    const region = screen.getByRole("region", { name: "Order 48271930" });
    expect(within(region).getByRole("heading")).toHaveTextContent("Order confirmed");
    const row = within(region).getByRole("row", { name: /Trailblazer/ });
    expect(row).toHaveTextContent("2");
    expect(row).toHaveTextContent("$89.98");
    expect(within(region).getByRole("row", { name: /Total/ })).toHaveTextContent("$89.98");
  });

  it("shows a shipment: carrier, tracking, timeline and a label download", () => {
    render(
      <ToolCard
        tool="create_shipment"
        ok
        error={null}
        card={{
          kind: "shipment",
          id: "shp_1",
          order_id: "48271930",
          carrier: "Northwind Parcel",
          service: "ground",
          tracking_number: "NW1234567890",
          status: "label_created",
          address: "10 Main Street, Seattle, WA 98101",
          cost: 5.99,
          currency: "USD",
          estimated_delivery: "2030-01-07",
          label_url: "/api/shipments/shp_1/label.pdf",
          timeline: [
            { status: "label_created", description: "Label created", location: "Seattle, WA", at: "2030-01-02T10:00:00Z", reached: true },
            { status: "delivered", description: "Delivered", location: "Seattle, WA", at: "2030-01-07T15:00:00Z", reached: false },
          ],
        }}
      />,
    );
    const region = screen.getByRole("region", { name: "Shipment for order 48271930" });
    expect(within(region).getByText("Northwind Parcel", { exact: false })).toBeInTheDocument();
    expect(within(region).getByText("NW1234567890")).toBeInTheDocument();
    expect(within(region).getByText("10 Main Street, Seattle, WA 98101")).toBeInTheDocument();
    const steps = within(within(region).getByRole("list", { name: "Shipment status timeline" })).getAllByRole("listitem");
    expect(steps.map((s) => s.className)).toEqual(["reached", "pending"]);
    expect(steps[1]).toHaveTextContent("(expected)");
    const link = within(region).getByRole("link", { name: "Download shipping label (PDF)" });
    expect(link).toHaveAttribute("href", `${window.location.origin}/api/shipments/shp_1/label.pdf`);
    expect(link).toHaveAttribute("download");
  });

  it("shows knowledge passages with their sources", () => {
    render(
      <ToolCard
        tool="search_knowledge"
        ok
        error={null}
        card={{
          kind: "knowledge",
          query: "return policy",
          sources: [{ doc_id: "returns", chunk_id: "returns#2", title: "Returns and refunds", section: "Time limits", kind: "policy", excerpt: "Return within 30 days.", score: 0.03 }],
        }}
      />,
    );
    const region = screen.getByRole("region", { name: "Sources" });
    expect(within(region).getByText("Returns and refunds")).toBeInTheDocument();
    expect(within(region).getByText("— Time limits", { exact: false })).toBeInTheDocument();
    expect(within(region).getByText("Return within 30 days.")).toBeInTheDocument();
  });

  it("says plainly when a tool failed", () => {
    render(<ToolCard tool="create_order" ok={false} card={null} error="product 99 is out of stock" />);
    expect(screen.getByRole("note")).toHaveTextContent("Create order did not work: product 99 is out of stock");
  });

  it("renders nothing for a card kind it does not know", () => {
    const { container } = render(<ToolCard tool="x" ok error={null} card={{ kind: "mystery" }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
