#!/usr/bin/env python3
"""Placeholder: replaced by the Discord issue's validator."""
import sys
print("openapi check: 0 bodies")
