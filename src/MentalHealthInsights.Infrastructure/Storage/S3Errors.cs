using System.Net;
using Amazon.Runtime;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Turns AWS SDK failures into exceptions a user can act on: a missing object or bucket →
/// <see cref="FileNotFoundException"/>; access denied, missing credentials and an unreachable
/// endpoint → <see cref="StorageException"/>. Messages name the location and the S3 error code,
/// never object contents.
/// </summary>
internal static class S3Errors
{
    /// <summary>Runs <paramref name="call"/>, translating SDK failures for <paramref name="location"/>.</summary>
    public static async Task<T> TranslateAsync<T>(string location, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Translate(location, ex) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>As <see cref="TranslateAsync{T}(string, Func{Task{T}})"/> for calls without a result.</summary>
    public static async Task TranslateAsync(string location, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (Translate(location, ex) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>True when <paramref name="error"/> says the key (not the bucket) does not exist.</summary>
    public static bool IsMissingKey(AmazonServiceException error) =>
        error.ErrorCode is "NoSuchKey" or "NotFound"
        || (error.StatusCode == HttpStatusCode.NotFound && error.ErrorCode != "NoSuchBucket");

    /// <summary>The exception to throw instead of <paramref name="error"/>, or null to let it pass.</summary>
    public static Exception? Translate(string location, Exception error) =>
        error switch
        {
            OperationCanceledException => null,
            AmazonServiceException { ErrorCode: "NoSuchBucket" } service =>
                new FileNotFoundException(
                    $"the bucket of {location} does not exist (S3 error NoSuchBucket).",
                    location,
                    service
                ),
            AmazonServiceException service when IsMissingKey(service) => new FileNotFoundException(
                $"{location} does not exist (S3 error {service.ErrorCode ?? "404"}).",
                location,
                service
            ),
            AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } service =>
                new StorageException(
                    "access-denied",
                    $"access to {location} was denied (S3 error {service.ErrorCode ?? "403"}): check the credentials and the IAM policy.",
                    service
                ),
            AmazonServiceException service
                when service.InnerException
                    is HttpRequestException
                        or IOException
                        or WebException => Unreachable(location, service),
            AmazonServiceException service => new StorageException(
                "error",
                $"S3 request for {location} failed: {service.ErrorCode ?? service.StatusCode.ToString()} ({(int)service.StatusCode}).",
                service
            ),
            AmazonClientException client when LooksLikeCredentials(client) => new StorageException(
                "no-credentials",
                $"no AWS credentials for {location}: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance/task role.",
                client
            ),
            AmazonClientException client => new StorageException(
                "error",
                $"S3 request for {location} failed: {client.Message}",
                client
            ),
            HttpRequestException or WebException => Unreachable(location, error),
            _ => null,
        };

    private static StorageException Unreachable(string location, Exception error) =>
        new(
            "unreachable",
            $"cannot reach the S3 endpoint for {location} (check AWS_ENDPOINT_URL, AWS_REGION and the network).",
            error
        );

    private static bool LooksLikeCredentials(AmazonClientException error) =>
        error.Message.Contains("credential", StringComparison.OrdinalIgnoreCase);
}
