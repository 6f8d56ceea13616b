# Data the aws provider mock returns in every test file: one partition, region and account, and an empty policy.
mock_data "aws_partition" {
  defaults = { partition = "aws" }
}
mock_data "aws_region" {
  defaults = { id = "eu-west-1", name = "eu-west-1" }
}
mock_data "aws_caller_identity" {
  defaults = { account_id = "123456789012" }
}
mock_data "aws_iam_policy_document" {
  defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
}

# ARNs for runs that apply: the provider validates the ARNs one resource gives another (a queue as a destination,
# a topic as an alarm action). Runs that need to tell two resources of a type apart override one of them.
mock_resource "aws_iam_role" {
  defaults = { arn = "arn:aws:iam::123456789012:role/lambda-registrator" }
}
mock_resource "aws_lambda_function" {
  defaults = { arn = "arn:aws:lambda:eu-west-1:123456789012:function:lambda-registrator" }
}
mock_resource "aws_sqs_queue" {
  defaults = {
    arn = "arn:aws:sqs:eu-west-1:123456789012:lambda-registrator-queue"
    id  = "https://sqs.eu-west-1.amazonaws.com/123456789012/lambda-registrator-queue"
    url = "https://sqs.eu-west-1.amazonaws.com/123456789012/lambda-registrator-queue"
  }
}
mock_resource "aws_sns_topic" {
  defaults = { arn = "arn:aws:sns:eu-west-1:123456789012:lambda-registrator-alarms" }
}
mock_resource "aws_cloudwatch_event_rule" {
  defaults = { arn = "arn:aws:events:eu-west-1:123456789012:rule/lambda-registrator" }
}
