namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary><c>GET /v1/catalog/node-services/:node</c>: the node and a list of its services; both null for an unknown node.</summary>
internal sealed record NodeServicesView(NodeView? Node, IReadOnlyList<NodeServiceView>? Services);
