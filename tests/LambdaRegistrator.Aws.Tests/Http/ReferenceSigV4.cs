using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LambdaRegistrator.Aws.Tests.Http;

/// <summary>
/// An independent, spec-literal SigV4 (non-S3) used only to cross-check AWSSDK's signer: canonical URI = the wire
/// path encoded once more; canonical query = RFC 3986 re-encoding of the percent-decoded pairs, sorted.
/// </summary>
internal static class ReferenceSigV4
{
    public static string CanonicalRequest(
        string method, Uri uri, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(Encode));
        var query = uri.Query.TrimStart('?');
        var pairs = query.Length == 0
            ? []
            : query.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}");
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h}:{headers[h].Trim()}\n"));
        return $"{method}\n{(path.Length == 0 ? "/" : path)}\n{string.Join('&', pairs)}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    public static string Signature(string secret, DateTime signedAt, string region, string service, string canonicalRequest)
    {
        var date = signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var stamp = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }
}
