package ai.kaizen.data.facts;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tokens/{network}/{address}/facts?depth=quick|standard|comprehensive}: on-chain facts about a
 * token. Bad input answers 400, an address without code 422; node faults give partial facts (see coverage).
 */
@RestController
@RequestMapping("/api/tokens")
class TokenFactsController {

    private final TokenFactsService service;

    TokenFactsController(TokenFactsService service) {
        this.service = service;
    }

    @GetMapping("/{network}/{address}/facts")
    ResponseEntity<TokenFacts> facts(@PathVariable String network, @PathVariable String address,
                                     @RequestParam(defaultValue = "standard") String depth)
            throws NoContractCodeException {
        TokenFactsService.Answer answer = service.facts(network, address, depth);
        return ResponseEntity.ok()
                .header("X-Kaizen-Cache", answer.cached() ? "hit" : "miss")
                .body(answer.facts());
    }
}
