namespace LambdaRegistrator.Aws;

/// <summary>The AWS clients cannot be set up: a region, endpoint or credentials are missing or invalid.</summary>
public sealed class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names the variable to set.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the variable to set and the underlying cause.</summary>
    public AwsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception; prefer the constructors that explain what to do.</summary>
    public AwsConfigurationException()
        : base("The AWS clients are not configured: set AWS_REGION and AWS credentials.")
    {
    }
}
