"""A minimal function for the example to register in Consul: it echoes what it was invoked with."""
import json


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"function": context.function_name, "event": event})}
