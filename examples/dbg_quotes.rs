fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let article = copydesk::Article::new(text);
    println!("{}", copydesk::Report::new(&article).to_json());
}
