namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary><c>GET /v1/catalog/node/:node</c>: the node and its services keyed by service ID.</summary>
internal sealed record NodeInfoView(NodeView Node, SortedDictionary<string, NodeServiceView> Services);
