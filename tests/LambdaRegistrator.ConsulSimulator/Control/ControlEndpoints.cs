using System.Text.Json;
using LambdaRegistrator.ConsulSimulator.Diagnostics;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;

namespace LambdaRegistrator.ConsulSimulator.Control;

/// <summary>
/// Simulator-only endpoints under <c>/_sim/</c> for out-of-process users: fault rules (<c>GET|PUT|POST|DELETE /_sim/faults</c>),
/// request counts (<c>GET|DELETE /_sim/stats</c>, <c>GET /_sim/requests</c>) and <c>POST /_sim/reset</c>.
/// </summary>
internal sealed class ControlEndpoints
{
    private readonly FaultInjector _faults;
    private readonly RequestStats _stats;
    private readonly Action _reset;

    public ControlEndpoints(FaultInjector faults, RequestStats stats, Action reset)
    {
        _faults = faults;
        _stats = stats;
        _reset = reset;
    }

    public void Register(RouteTable routes)
    {
        routes.Add("/_sim/faults", ["GET", "PUT", "POST", "DELETE"], FaultsAsync);
        routes.Add("/_sim/stats", ["GET", "DELETE"], StatsAsync);
        routes.Add("/_sim/requests", ["GET"], RequestsAsync);
        routes.Add("/_sim/reset", ["POST"], ResetAsync);
    }

    private static FaultRule ToRule(FaultRuleDto dto, int index)
    {
        if (string.IsNullOrEmpty(dto.PathPrefix))
        {
            throw ConsulApiException.BadRequest($"fault rule {index}: PathPrefix is required (e.g. \"/v1/catalog/register\", or \"/v1/\" for every request)");
        }

        if (dto.StatusCode is null && dto.DropConnection != true && dto.DelayMs is null or <= 0)
        {
            throw ConsulApiException.BadRequest($"fault rule {index}: set StatusCode, DropConnection or DelayMs, otherwise the rule does nothing");
        }

        return new FaultRule
        {
            PathPrefix = dto.PathPrefix,
            Method = dto.Method,
            StatusCode = dto.StatusCode,
            Body = dto.Body,
            Delay = TimeSpan.FromMilliseconds(dto.DelayMs ?? 0),
            DropConnection = dto.DropConnection ?? false,
            Count = dto.Count,
        };
    }

    private static FaultRuleDto ToDto(FaultRule rule) =>
        new(rule.PathPrefix, rule.Method, rule.StatusCode, rule.Body, (int)rule.Delay.TotalMilliseconds, rule.DropConnection, rule.Count);

    private static async Task<T> ReadAsync<T>(ApiRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var body = await request.ReadBodyAsync();
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw ConsulApiException.BadRequest("body must be a JSON object, got null");
        }
        catch (JsonException e)
        {
            throw ConsulApiException.BadRequest("invalid JSON body: " + e.Message);
        }
    }

    private async Task<ApiResponse> FaultsAsync(ApiRequest request)
    {
        switch (request.Method)
        {
            case "PUT":
                var list = await ReadAsync(request, SimulatorJsonContext.Wire.FaultListDto);
                var rules = (list.Rules ?? []).Select(ToRule).ToList();
                try
                {
                    _faults.Set(rules);
                }
                catch (ArgumentException e)
                {
                    throw ConsulApiException.BadRequest(e.Message);
                }

                return ApiResponse.JsonLiteral("true");
            case "POST":
                var rule = ToRule(await ReadAsync(request, SimulatorJsonContext.Wire.FaultRuleDto), 0);
                try
                {
                    _faults.Add(rule);
                }
                catch (ArgumentException e)
                {
                    throw ConsulApiException.BadRequest(e.Message);
                }

                return ApiResponse.JsonLiteral("true");
            case "DELETE":
                _faults.Clear();
                return ApiResponse.JsonLiteral("true");
            default:
                return JsonReply.Of(new FaultListDto([.. _faults.Rules.Select(ToDto)]), SimulatorJsonContext.Wire.FaultListDto, request.Pretty);
        }
    }

    private Task<ApiResponse> StatsAsync(ApiRequest request)
    {
        if (request.Method == "DELETE")
        {
            _stats.Reset();
            return Task.FromResult(ApiResponse.JsonLiteral("true"));
        }

        return Task.FromResult(JsonReply.Of(new StatsDto(_stats.Reads, _stats.Writes, _stats.ByEndpoint()), SimulatorJsonContext.Wire.StatsDto, request.Pretty));
    }

    private Task<ApiResponse> RequestsAsync(ApiRequest request) =>
        Task.FromResult(JsonReply.Of([.. _stats.Requests()], SimulatorJsonContext.Wire.ListRecordedRequest, request.Pretty));

    private Task<ApiResponse> ResetAsync(ApiRequest request)
    {
        _reset();
        return Task.FromResult(ApiResponse.JsonLiteral("true"));
    }
}
