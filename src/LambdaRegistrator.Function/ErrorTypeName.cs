namespace LambdaRegistrator.Function;

/// <summary>Checks an error type before it becomes an HTTP header value and (managed runtime) part of an exception message.</summary>
internal static class ErrorTypeName
{
    public static void Validate(string errorType, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType, parameterName);
        foreach (var c in errorType)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ArgumentException(
                    $"Error type '{errorType}' holds '{c}'; use letters, digits, '.', '_' and '-' only, e.g. 'Registrator.ActionsFailed'.",
                    parameterName);
            }
        }
    }
}
