terraform {
  # 1.5: the oldest release this module is checked against, as the registrator module.
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}
