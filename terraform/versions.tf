terraform {
  # 1.5: the oldest release this module is checked against; tests need >= 1.7 (mock providers).
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Lower bound only; the caller pins. runtime = "dotnet10" additionally needs >= 6.27.0,
      # the first release whose runtime validation knows that identifier.
      version = ">= 5.0"
    }
  }
}
