"""The speed harness behind `make bench` (never imported by the app itself)."""
