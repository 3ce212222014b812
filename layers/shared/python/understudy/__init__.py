"""Understudy: a training mode for an organisation's social media.

The shared package every Lambda function imports. Modules hold one idea each:
``config`` (environment), ``errors`` (named failures), ``auth`` (who is calling), ``model``
(plain typed objects), ``data`` (DynamoDB through pynamodb: the only module that imports it),
``posts``/``people``/``org`` (the domain), ``workflow`` (Step Functions), ``links`` (signed
review links), ``emails`` (what people receive), ``channels`` (where approved posts go).
"""
