using LambdaRegistrator.Consul;

namespace LambdaRegistrator.Bench.Scale.GoEquivalent;

/// <summary>The Go registrator's UpsertEvent (with its Lambda arguments) or DeleteEvent, for one service name.</summary>
internal sealed record GoEvent(bool Upsert, string Name, ConsulScope Scope, string Arn, bool PayloadPassthrough, string InvocationMode);
