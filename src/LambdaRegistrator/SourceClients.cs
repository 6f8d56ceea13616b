using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Aws.Tagging;

namespace LambdaRegistrator;

/// <summary>
/// The AWS clients one source is read with: Lambda and Tagging of its account and region, signed with its own
/// credentials (the assumed role, or the registrator's own), under that account and region's own quota buckets.
/// </summary>
/// <param name="Lambda">Lambda of the source's account and region.</param>
/// <param name="Tagging">The Tagging API of the source's account and region.</param>
/// <param name="Owned">What to dispose with the registrator; null when the clients are the registrator's own or given by a test.</param>
internal sealed record SourceClients(ILambdaApi Lambda, ITaggingApi Tagging, IDisposable? Owned = null);
