terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

# The central account: the registrator, its role and its event bus.
provider "aws" {
  region = var.region
}

# The member account, in the registrator's region, through a role Terraform may assume there.
provider "aws" {
  alias  = "member"
  region = var.region

  assume_role {
    role_arn = var.member_deploy_role_arn
  }
}

# The member account in a second region: it only forwards events (IAM roles are global).
provider "aws" {
  alias  = "member_second_region"
  region = var.member_second_region

  assume_role {
    role_arn = var.member_deploy_role_arn
  }
}
