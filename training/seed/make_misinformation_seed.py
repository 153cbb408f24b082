"""Build ``misinformation.csv``, vimod's own seed corpus for the reliability task.

Every row is original text written for vimod, labelled ``RELIABLE`` (sober, sourced,
news-style posts and ordinary verified updates, including debunks of rumours and police
warnings about scams) or ``UNRELIABLE`` (hoaxes, miracle cures, fake official notices, scam
giveaways, chain messages, conspiracy and rumour). Rows come from two sources:

* hand-written base posts (``_RELIABLE_POSTS`` / ``_UNRELIABLE_POSTS``, one post per
  blank-line separated paragraph, wrapped for line length), and
* a fixed number of slot-filled variations per template (places, dates, numbers), some
  written without diacritics, drawn with a fixed seed so the output is deterministic.

Run ``python training/seed/make_misinformation_seed.py`` to rewrite ``misinformation.csv``
next to this file.
"""

from __future__ import annotations

import csv
import logging
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

RELIABLE = "RELIABLE"
UNRELIABLE = "UNRELIABLE"
SEED = 20240917
OUTPUT = Path(__file__).with_name("misinformation.csv")
_MIN_ROWS = 600
_MAX_TRIES_PER_ROW = 200
_SLOT = re.compile(r"\{(\w+)\}")


def _posts(block: str) -> list[str]:
    """Split blank-line separated, line-wrapped posts into one string per post."""
    return [
        " ".join(line.strip() for line in part.splitlines()) for part in block.strip().split("\n\n")
    ]


_RELIABLE_POSTS = _posts(
    """
    Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, từ đêm nay đến ngày mai khu vực Bắc
    Bộ có mưa rào và dông rải rác, nhiệt độ thấp nhất 19 đến 21 độ C.

    Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết áp thấp nhiệt đới trên Biển Đông
    đang di chuyển theo hướng Tây Tây Bắc, mỗi giờ đi được khoảng 15 km. Người dân ven biển
    các tỉnh Quảng Ngãi đến Khánh Hòa cần theo dõi các bản tin tiếp theo.

    Sở Giao thông vận tải Hà Nội thông báo phân luồng giao thông trên đường Nguyễn Trãi từ
    22 giờ ngày 14 đến 5 giờ ngày 16 để thi công hầm đi bộ. Các phương tiện đi theo biển chỉ
    dẫn tại hiện trường.

    Bộ Y tế khuyến cáo người dân rửa tay thường xuyên bằng xà phòng, ăn chín uống sôi và đưa
    trẻ đi tiêm chủng đầy đủ, đúng lịch để phòng bệnh tay chân miệng trong mùa cao điểm.

    Tổng cục Thống kê cho biết chỉ số giá tiêu dùng (CPI) tháng này tăng 0,3% so với tháng
    trước, chủ yếu do giá xăng dầu và giá thuê nhà tăng.

    Kết thúc vòng 12 V.League, câu lạc bộ Thép Xanh Nam Định giành chiến thắng 2-1 trên sân
    nhà và tiếp tục dẫn đầu bảng xếp hạng với 28 điểm.

    Sở Giáo dục và Đào tạo TP.HCM thông báo học sinh các cấp sẽ nghỉ Tết Nguyên đán theo
    đúng khung kế hoạch năm học đã ban hành, không có thay đổi so với lịch đã công bố.

    UBND tỉnh Quảng Nam cho biết đã hoàn thành việc di dời 1.200 hộ dân ở vùng có nguy cơ
    sạt lở đến nơi an toàn trước khi bão đổ bộ.

    Công an TP Đà Nẵng cảnh báo thủ đoạn giả danh cán bộ công an gọi điện yêu cầu người dân
    cài ứng dụng lạ để "cập nhật định danh điện tử". Công an không làm việc qua điện thoại
    và không yêu cầu chuyển tiền.

    Thông tin "Bộ Giáo dục cho học sinh cả nước nghỉ học đến hết tháng" đang lan truyền trên
    mạng xã hội là không chính xác. Bộ GD-ĐT khẳng định chưa ban hành văn bản nào như vậy và
    đề nghị phụ huynh theo dõi thông báo của nhà trường.

    Tổng Công ty Điện lực miền Bắc thông báo tạm ngừng cung cấp điện để bảo dưỡng lưới điện
    tại một số xã của huyện Gia Lâm từ 7 giờ đến 16 giờ chủ nhật tới.

    Ngân hàng Nhà nước cho biết tỷ giá trung tâm giữa đồng Việt Nam và USD hôm nay được niêm
    yết ở mức 24.260 đồng, tăng 6 đồng so với phiên trước.

    Đội tuyển nữ Việt Nam đã thắng đội chủ nhà 3-0 trong trận giao hữu tối qua. Huấn luyện
    viên trưởng cho biết đây là dịp để thử nghiệm một số cầu thủ trẻ.

    Sở Y tế Hà Nội ghi nhận 312 ca mắc sốt xuất huyết trong tuần, giảm 8% so với tuần trước.
    Ngành y tế đề nghị người dân diệt lăng quăng, bọ gậy và ngủ màn kể cả ban ngày.

    Cảng hàng không quốc tế Tân Sơn Nhất dự kiến đón khoảng 130.000 lượt khách mỗi ngày
    trong dịp cao điểm. Hành khách được khuyến cáo có mặt tại sân bay trước giờ khởi hành ít
    nhất 2 tiếng.

    Theo thông báo của trường THPT Chu Văn An, lịch kiểm tra học kỳ I của khối 10 bắt đầu từ
    thứ hai tuần sau, học sinh xem chi tiết phòng thi trên cổng thông tin của trường.

    Bộ Công Thương điều chỉnh giá xăng dầu từ 15 giờ chiều nay: xăng E5 RON92 giảm 320 đồng
    mỗi lít, xăng RON95 giảm 410 đồng mỗi lít.

    Cục Cảnh sát giao thông nhắc nhở người điều khiển phương tiện không sử dụng rượu bia khi
    lái xe, đặc biệt trong dịp lễ hội cuối năm.

    UBND phường Bến Nghé tổ chức phiên chợ nông sản an toàn vào sáng thứ bảy và chủ nhật tại
    công viên Tao Đàn, có hơn 40 gian hàng của các hợp tác xã.

    Ngày mai 20/10, Sở Văn hóa tổ chức chương trình nghệ thuật chào mừng tại Nhà hát lớn, vé
    mời được phát miễn phí tại trụ sở Sở từ ngày 17.

    Hien tai tuyen duong Vo Van Kiet doan qua quan 6 dang un tac nhe do mot xe tai bi hong
    may. Luc luong CSGT dang co mat dieu tiet, du kien thong xe trong khoang 30 phut.

    Theo Bo Y te, vac xin phong soi duoc tiem mien phi trong chuong trinh tiem chung mo rong
    cho tre tu 9 thang tuoi. Phu huynh lien he tram y te xa, phuong de biet lich tiem.

    Sở Nông nghiệp tỉnh An Giang khuyến cáo nông dân xuống giống vụ Đông Xuân theo lịch thời
    vụ tập trung để né rầy nâu, không gieo sạ sớm hơn khung thời gian đã công bố.

    Giải chạy bộ vì cộng đồng do thành phố tổ chức thu hút hơn 8.000 vận động viên tham gia.
    Ban tổ chức cho biết toàn bộ tiền đăng ký sẽ được dùng để xây nhà tình thương.

    Bệnh viện Bạch Mai cho biết từ tháng tới người bệnh có thể đặt lịch khám qua ứng dụng
    chính thức của bệnh viện, không thu thêm phí đặt lịch.

    Công an tỉnh Bình Dương vừa triệt phá đường dây lừa đảo qua mạng với thủ đoạn tuyển cộng
    tác viên làm nhiệm vụ "like dạo" để nhận hoa hồng, bắt giữ 7 đối tượng.

    Sở GD-ĐT Hà Nội công bố điểm chuẩn vào lớp 10 công lập. Thí sinh có thể tra cứu kết quả
    trên cổng thông tin của Sở hoặc tại trường nơi đăng ký dự thi.

    Sáng nay, nhiều tuyến phố ở nội thành bị ngập sau trận mưa lớn kéo dài gần 2 giờ. Công
    ty Thoát nước cho biết đã huy động lực lượng ứng trực tại các điểm ngập sâu.

    Theo Cục Hàng không, do ảnh hưởng của bão, các hãng đã điều chỉnh lịch khai thác 24
    chuyến bay đi và đến Cam Ranh trong ngày mai. Hành khách theo dõi thông báo từ hãng.

    Bộ Y tế cho biết hiện chưa có bằng chứng khoa học nào cho thấy uống nước chanh nóng có
    thể chữa khỏi ung thư. Người bệnh cần điều trị theo phác đồ tại cơ sở y tế.

    Ngành đường sắt tăng cường 18 đoàn tàu Bắc - Nam phục vụ dịp Tết. Vé được bán trên
    website và ứng dụng chính thức của Tổng công ty Đường sắt Việt Nam cùng các đại lý được
    ủy quyền.

    Trạm quan trắc cho thấy chỉ số chất lượng không khí (AQI) tại Hà Nội sáng nay ở mức kém.
    Người có bệnh hô hấp, người cao tuổi và trẻ nhỏ nên hạn chế hoạt động ngoài trời.

    Xuất khẩu gạo trong 10 tháng đạt 7,1 triệu tấn, tăng 11% so với cùng kỳ năm trước, theo
    số liệu của Bộ Nông nghiệp và Phát triển nông thôn.

    UBND huyện Cần Giờ thông báo phà Bình Khánh tạm dừng hoạt động 3 giờ vào sáng thứ năm để
    bảo trì bến. Người dân có thể đi vòng qua cầu Phú Mỹ.

    Chiều nay tại Mỹ Đình, đội tuyển U23 Việt Nam hòa 1-1 trong trận đấu thuộc vòng loại
    giải châu Á. Trận tiếp theo sẽ diễn ra vào thứ ba tuần tới.

    Đại học Quốc gia Hà Nội thông báo lịch thi đánh giá năng lực đợt 2, thí sinh đăng ký
    trên hệ thống chính thức đến hết ngày 30 tháng này, lệ phí không thay đổi.

    Trung tâm Kiểm soát bệnh tật tỉnh khuyến cáo người dân không ăn cóc, cá nóc và các loại
    nấm lạ hái trong rừng vì nguy cơ ngộ độc cao.

    Bảo hiểm xã hội Việt Nam nhắc người dân không cung cấp mã OTP hay thông tin tài khoản
    ngân hàng cho bất kỳ ai tự xưng là cán bộ bảo hiểm gọi điện hỗ trợ hoàn tiền.

    Lễ hội hoa Đà Lạt năm nay dự kiến khai mạc vào ngày 20/12 với nhiều hoạt động như trưng
    bày hoa, diễu hành và chợ phiên nông sản. Chương trình chi tiết được đăng trên trang của
    UBND thành phố.

    Hôm nay trời Hà Nội nắng nhẹ, buổi sáng có sương mù, nhiệt độ cao nhất khoảng 27 độ. Dự
    báo cuối tuần có không khí lạnh tăng cường, trời chuyển rét.

    Phòng Cảnh sát giao thông cho biết đã xử lý hơn 300 trường hợp vi phạm nồng độ cồn trong
    tuần qua, tạm giữ 210 xe máy và 34 ô tô.

    Bộ Tài chính cho biết thời hạn nộp hồ sơ quyết toán thuế thu nhập cá nhân năm nay là
    ngày cuối cùng của tháng thứ tư kể từ khi kết thúc năm dương lịch.

    Trường Tiểu học Kim Đồng thông báo buổi họp phụ huynh đầu năm diễn ra lúc 8 giờ sáng chủ
    nhật tại các lớp học. Phụ huynh vui lòng đến đúng giờ.

    Thông tin về việc "ăn tỏi sống giúp miễn dịch hoàn toàn với cúm" là không có cơ sở. Các
    chuyên gia khuyến cáo tiêm vắc xin cúm hằng năm, đặc biệt với người cao tuổi.

    Hội chợ việc làm do Trung tâm Dịch vụ việc làm tổ chức sẽ diễn ra vào thứ sáu tuần này
    với hơn 2.000 vị trí tuyển dụng. Người lao động tham gia không mất phí.

    Theo thống kê của Sở Du lịch, trong 3 ngày nghỉ lễ, thành phố đón khoảng 450.000 lượt
    khách, tổng thu từ du lịch ước đạt 1.500 tỷ đồng.

    Viện Pasteur TP.HCM cho biết chưa ghi nhận biến thể mới nào gây bệnh nặng hơn trong các
    mẫu giải trình tự gần đây và vẫn tiếp tục giám sát.

    Kỳ thi tốt nghiệp THPT năm nay có khoảng 1,07 triệu thí sinh đăng ký. Bộ GD-ĐT nhắc thí
    sinh mang căn cước công dân và đến điểm thi trước giờ gọi vào phòng thi.

    Sở Tài nguyên và Môi trường đề nghị các hộ dân phân loại rác tại nguồn theo ba nhóm: rác
    thực phẩm, rác tái chế và rác còn lại. Quy định được áp dụng thí điểm tại 3 quận.

    Công an quận Cầu Giấy đã trao trả chiếc ví chứa 15 triệu đồng và giấy tờ tùy thân cho
    chủ sở hữu, sau khi một học sinh nhặt được và mang đến nộp.

    Ngân hàng Vietcombank thông báo hệ thống sẽ bảo trì từ 23 giờ đến 2 giờ sáng, một số
    giao dịch trên ứng dụng có thể bị gián đoạn. Khách hàng chỉ nên cập nhật ứng dụng từ kho
    ứng dụng chính thức.

    Sở Xây dựng cho biết cầu Thăng Long sẽ được sửa chữa mặt cầu trong 4 tháng, các phương
    tiện được phân luồng sang cầu Nhật Tân và cầu Chương Dương.

    Giá vàng miếng trong nước sáng nay giảm 300.000 đồng mỗi lượng so với phiên trước, theo
    bảng niêm yết của các doanh nghiệp kinh doanh vàng lớn.

    Thời tiết Nam Bộ hôm nay có mưa rào và dông vào chiều tối, có nơi mưa to. Trong cơn dông
    cần đề phòng lốc, sét và gió giật mạnh.

    Hội Chữ thập đỏ tỉnh tổ chức ngày hội hiến máu tình nguyện tại nhà văn hóa thanh niên
    vào chủ nhật. Người hiến máu cần mang theo giấy tờ tùy thân và ăn nhẹ trước khi hiến.

    Thông tin cho rằng "từ ngày 1/7 người đi xe máy không mang bằng lái bị phạt 5 triệu" là
    không đúng. Mức phạt được quy định tại nghị định hiện hành và không thay đổi trong thời
    gian tới.

    Trung tâm y tế huyện triển khai tiêm bổ sung vắc xin sởi cho trẻ từ 1 đến 5 tuổi tại các
    trạm y tế xã từ ngày 5 đến ngày 20 tháng sau. Phụ huynh mang theo sổ tiêm chủng.

    Đội tuyển bóng chuyền nữ Việt Nam giành huy chương bạc tại giải đấu khu vực sau khi thua
    1-3 trong trận chung kết.

    Bộ Lao động - Thương binh và Xã hội đề xuất điều chỉnh lương tối thiểu vùng tăng 6% từ
    đầu năm sau. Đề xuất đang được lấy ý kiến và chưa có hiệu lực.

    Ủy ban nhân dân thành phố Hải Phòng thông báo lễ hội pháo hoa sẽ diễn ra tối thứ bảy tại
    khu vực bờ sông Tam Bạc. Lực lượng chức năng sẽ cấm một số tuyến đường từ 18 giờ.

    Cục An toàn thông tin khuyến cáo người dân không bấm vào đường link lạ gửi qua tin nhắn
    SMS mạo danh ngân hàng, kể cả khi tin nhắn hiện trong cùng luồng với tin nhắn thật của
    ngân hàng.

    Kết quả xổ số kiến thiết được công bố trực tiếp tại trụ sở công ty xổ số và trên trang
    thông tin chính thức. Người trúng thưởng lĩnh thưởng trong thời hạn 30 ngày.

    Tỉnh Lâm Đồng vừa khánh thành tuyến đường tránh dài 12 km, giúp giảm tải cho quốc lộ 20
    qua trung tâm thành phố.

    Thủ tướng Chính phủ vừa ký quyết định phê duyệt quy hoạch vùng Đồng bằng sông Cửu Long
    thời kỳ 2021-2030, tầm nhìn đến năm 2050, theo Cổng thông tin điện tử Chính phủ.

    Sáng nay, tại trường Đại học Bách khoa, hơn 4.000 tân sinh viên đã tham dự lễ khai giảng
    năm học mới.

    Bệnh viện Nhi Trung ương cho biết số trẻ nhập viện do viêm phổi tăng khi thời tiết
    chuyển lạnh, phụ huynh nên giữ ấm cho trẻ và đưa trẻ đi khám khi có dấu hiệu thở nhanh,
    bỏ bú.

    Chiều nay, UBND tỉnh Thừa Thiên Huế đã có công điện yêu cầu các địa phương ven sông chủ
    động sơ tán dân khi mực nước sông Hương vượt báo động 2.

    Cục Quản lý thị trường tỉnh vừa thu giữ 2.000 sản phẩm mỹ phẩm không rõ nguồn gốc tại
    một kho hàng trên địa bàn thành phố.

    Bộ Y tế đề nghị các địa phương đẩy mạnh giám sát dịch bệnh tại cửa khẩu và tăng cường
    truyền thông phòng bệnh cho người dân khu vực biên giới.

    Sân bay Nội Bài thông báo đưa vào sử dụng thêm 12 quầy làm thủ tục tự động tại nhà ga T2
    để giảm thời gian chờ cho hành khách quốc tế.

    Tối qua, đội tuyển futsal Việt Nam thắng 4-2 trước đối thủ Đông Nam Á và giành quyền vào
    bán kết.

    Sở Y tế TP.HCM nhắc người dân khi bị chó, mèo cắn cần rửa vết thương dưới vòi nước chảy
    bằng xà phòng khoảng 15 phút và đến cơ sở y tế để được tư vấn tiêm vắc xin dại.

    Công ty cấp nước thông báo tạm ngưng cấp nước tại các phường thuộc quận Bình Thạnh từ 22
    giờ thứ bảy đến 4 giờ chủ nhật để đấu nối đường ống. Người dân chủ động trữ nước.

    Do triều cường dâng cao, một số tuyến đường ven sông Sài Gòn có thể ngập vào chiều tối
    các ngày từ 16 đến 19. Người dân nên di chuyển tránh giờ triều đạt đỉnh.

    Theo Hiệp hội Chế biến và Xuất khẩu thủy sản, kim ngạch xuất khẩu tôm 9 tháng đạt 2,6 tỷ
    USD, thị trường Mỹ và Trung Quốc tiếp tục là hai thị trường lớn nhất.

    Tin đồn "Hà Nội cấm xe máy từ tháng sau" được chia sẻ rầm rộ là sai sự thật. Sở GTVT cho
    biết lộ trình hạn chế xe máy vẫn đang nghiên cứu và chưa có quyết định áp dụng.

    Thư viện tỉnh tổ chức ngày hội đọc sách cho thiếu nhi vào sáng chủ nhật, có khu vực trao
    đổi sách cũ và thi kể chuyện theo sách. Các em tham gia hoàn toàn miễn phí.

    Theo thông báo của Cục Thuế, người nộp thuế có thể tra cứu nghĩa vụ thuế trên ứng dụng
    eTax Mobile. Cơ quan thuế không gửi đường link qua tin nhắn yêu cầu cài đặt phần mềm.

    Công an huyện đã bắt giữ đối tượng trộm cắp xe máy tại khu vực chợ đầu mối sau khi trích
    xuất camera an ninh. Vụ việc đang được điều tra làm rõ.

    Nhà hát Tuổi trẻ công diễn vở kịch mới vào các tối thứ sáu trong tháng. Khán giả mua vé
    tại quầy của nhà hát hoặc qua trang bán vé chính thức.

    Tổng cục Du lịch cho biết lượng khách quốc tế đến Việt Nam trong 11 tháng đạt gần 11,2
    triệu lượt, tăng mạnh so với cùng kỳ.

    Trung tâm Dự báo cho biết đợt nắng nóng ở Bắc Trung Bộ có thể kéo dài đến hết tuần,
    nhiệt độ cao nhất phổ biến 37 đến 39 độ, có nơi trên 40 độ.

    Cảnh báo của ngành y tế: người dân không tự ý dùng thuốc kháng sinh khi bị cảm cúm thông
    thường vì kháng sinh không có tác dụng với virus và làm tăng nguy cơ kháng thuốc.

    Hôm qua, tuyển thủ cờ vua Việt Nam giành huy chương vàng nội dung cờ nhanh tại giải vô
    địch châu Á.

    Trường mầm non Hoa Sen thông báo thực đơn tuần của trẻ được niêm yết tại bảng tin và
    trên nhóm phụ huynh chính thức của lớp. Mọi thắc mắc xin liên hệ ban giám hiệu.

    Quận Hoàn Kiếm tổ chức không gian đi bộ quanh hồ Hoàn Kiếm vào các tối thứ sáu, thứ bảy
    và chủ nhật. Các phương tiện được hướng dẫn đỗ tại các điểm trông giữ xe quy định.

    Ngân hàng Nhà nước khuyến cáo khách hàng chỉ giao dịch qua ứng dụng và website chính
    thức của ngân hàng, không cung cấp mật khẩu, mã OTP cho bất kỳ ai, kể cả người tự xưng
    là nhân viên ngân hàng.

    Dự án cao tốc Bắc - Nam đoạn qua tỉnh Khánh Hòa đã thông xe kỹ thuật. Chủ đầu tư cho
    biết sẽ tiếp tục hoàn thiện các hạng mục phụ trợ trước khi đưa vào khai thác chính thức.

    Do mưa lớn, sạt lở đất đã làm ách tắc quốc lộ 6 đoạn qua đèo Thung Khe. Lực lượng chức
    năng đang khắc phục, người dân nên hạn chế lưu thông qua khu vực này trong đêm.

    Thị trường chứng khoán phiên sáng nay giảm nhẹ, chỉ số VN-Index đóng cửa giảm 4,5 điểm,
    thanh khoản đạt khoảng 9.000 tỷ đồng.

    Bộ Y tế cho biết sữa công thức không thể thay thế sữa mẹ trong 6 tháng đầu đời và khuyến
    khích các bà mẹ nuôi con hoàn toàn bằng sữa mẹ.

    Câu lạc bộ Hà Nội công bố tân binh là tiền vệ người Brazil, hợp đồng có thời hạn hai
    năm. Cầu thủ sẽ ra mắt người hâm mộ trong buổi tập chiều mai.

    UBND tỉnh Nghệ An quyết định cho học sinh các trường vùng bị ngập nghỉ học một ngày để
    đảm bảo an toàn. Quyết định chỉ áp dụng cho các xã có tên trong công văn gửi các trường.

    Đề nghị người dân tỉnh táo: hiện có nhiều trang mạo danh "Cổng dịch vụ công" để thu phí
    làm hộ chiếu. Dịch vụ công chỉ được thực hiện trên cổng chính thức có tên miền .gov.vn.

    Theo Cục Thống kê, sản lượng cà phê niên vụ này dự kiến giảm khoảng 5% do thời tiết khô
    hạn đầu năm, giá cà phê nhân trong nước đang ở mức cao.

    Chùa Hương chính thức khai hội vào mùng 6 tháng Giêng. Ban tổ chức lễ hội niêm yết giá
    vé đò, vé cáp treo công khai và bố trí đường dây nóng tiếp nhận phản ánh của du khách.

    Xin thông báo: lớp 9A sẽ học bù tiết Toán vào chiều thứ tư lúc 14 giờ tại phòng 203 do
    cô giáo chủ nhiệm đi tập huấn vào thứ hai.

    Chi cục Thú y khuyến cáo người chăn nuôi tiêm phòng vắc xin dịch tả lợn châu Phi theo
    hướng dẫn, không mua bán, vận chuyển lợn bệnh và báo ngay cho thú y xã khi có lợn chết
    bất thường.

    Sở Y tế đã lấy mẫu kiểm nghiệm tại bếp ăn trường học sau vụ một số học sinh có biểu hiện
    đau bụng. Các em đều đã ổn định sức khỏe. Kết quả kiểm nghiệm sẽ được công bố khi có.

    Hãng hàng không thông báo chuyến bay VN244 từ TP.HCM đi Hà Nội tối nay lùi giờ cất cánh
    khoảng 90 phút do điều chỉnh khai thác. Hành khách được phục vụ suất ăn miễn phí.

    Bảo tàng Lịch sử quốc gia mở cửa miễn phí cho khách tham quan trong ngày Di sản Văn hóa
    Việt Nam 23/11.

    Giải bóng đá học sinh THCS cấp thành phố khép lại với chức vô địch thuộc về trường THCS
    Lê Quý Đôn sau loạt sút luân lưu 4-3.

    Tin nhắn "bạn được hoàn tiền điện do tính sai, bấm vào link để nhận" là tin giả. Tổng
    công ty Điện lực khẳng định mọi khoản hoàn trả đều trừ vào hóa đơn kỳ sau, không qua
    đường link.

    Theo lịch của Sở GD-ĐT, học sinh tỉnh Bình Định sẽ tựu trường ngày 28/8 và khai giảng
    vào ngày 5/9 như mọi năm.

    Lực lượng cứu hộ đã đưa 12 ngư dân trên tàu cá bị chìm vào bờ an toàn. Bộ đội Biên phòng
    tỉnh cho biết các ngư dân đều khỏe mạnh.

    Chỉ số sản xuất công nghiệp tháng 10 tăng 7,8% so với cùng kỳ, trong đó ngành chế biến,
    chế tạo tăng mạnh nhất, theo báo cáo của Tổng cục Thống kê.

    Phòng khám đa khoa phường tổ chức khám sàng lọc tăng huyết áp, đái tháo đường miễn phí
    cho người trên 60 tuổi vào sáng thứ năm. Người dân mang theo thẻ bảo hiểm y tế.

    Ga Sài Gòn khuyến cáo hành khách không mua vé tàu qua các trang mạng xã hội không rõ
    nguồn gốc. Vé hợp lệ chỉ được bán qua kênh chính thức của ngành đường sắt.

    Hội đồng nhân dân thành phố khai mạc kỳ họp thường lệ cuối năm, xem xét các báo cáo kinh
    tế - xã hội và dự toán ngân sách năm sau.

    Từ ngày 1/1, một số tuyến xe buýt được điều chỉnh lộ trình để kết nối với ga tàu điện.
    Thông tin chi tiết được niêm yết tại các nhà chờ và trên ứng dụng tra cứu xe buýt.

    Mưa lớn tại các tỉnh miền núi phía Bắc đêm qua gây lũ quét tại 2 bản thuộc huyện Mù Cang
    Chải. Chính quyền địa phương đang thống kê thiệt hại và hỗ trợ người dân bị ảnh hưởng.

    Hôm nay, bộ phận một cửa UBND quận làm việc cả buổi sáng thứ bảy để giải quyết hồ sơ đất
    đai tồn đọng, người dân mang theo giấy hẹn trả kết quả.

    Thời gian gần đây, Công an tỉnh liên tục nhận được trình báo của người dân về việc bị
    lừa đảo qua hình thức "việc nhẹ lương cao". Các đối tượng lập nhóm trên ứng dụng nhắn
    tin, ban đầu giao nhiệm vụ đơn giản và trả hoa hồng nhỏ để tạo lòng tin, sau đó yêu cầu
    nạp số tiền lớn hơn để "nâng cấp nhiệm vụ" rồi chiếm đoạt. Công an khuyến cáo người dân
    không tham gia các nhóm như vậy, không chuyển tiền cho người lạ và trình báo ngay cho cơ
    quan công an gần nhất khi phát hiện dấu hiệu nghi vấn.

    Chiều 12/9, Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết bão số 3 đã mạnh lên
    cấp 12, giật cấp 15, cách đảo Bạch Long Vĩ khoảng 300 km về phía Đông Đông Nam. Dự báo
    trong 24 giờ tới, bão di chuyển theo hướng Tây Tây Bắc với tốc độ 15 đến 20 km/h. Vùng
    biển phía Bắc vịnh Bắc Bộ có gió mạnh, sóng biển cao 4 đến 6 m. Ban Chỉ đạo phòng chống
    thiên tai đề nghị các địa phương hướng dẫn tàu thuyền vào nơi tránh trú an toàn và kiểm
    tra hệ thống đê điều.

    Gần đây trên mạng xã hội lan truyền thông tin "uống nước muối loãng mỗi sáng giúp phòng
    ngừa mọi loại virus". PGS.TS chuyên ngành truyền nhiễm cho biết súc miệng nước muối có
    tác dụng làm sạch khoang miệng, nhưng không thể tiêu diệt virus trong cơ thể và không
    thay thế được tiêm vắc xin, đeo khẩu trang hay rửa tay. Người dân cần tiếp nhận thông
    tin từ các nguồn chính thống như Bộ Y tế và các bệnh viện.

    Sở Giáo dục và Đào tạo xác nhận đã nhận được phản ánh về một văn bản giả mạo có đóng dấu
    của Sở, thông báo cho học sinh nghỉ học thêm một tuần sau Tết. Sở khẳng định đây là văn
    bản giả, lịch học vẫn thực hiện theo kế hoạch năm học. Sở đã chuyển vụ việc đến cơ quan
    công an để xác minh, xử lý người tạo và phát tán văn bản.

    Ngân hàng cảnh báo thủ đoạn mới: kẻ gian gửi tin nhắn thương hiệu giả mạo, thông báo tài
    khoản của khách hàng "sắp bị khóa do chưa cập nhật sinh trắc học" kèm đường link đến
    trang web giả. Khi khách hàng nhập thông tin đăng nhập và mã OTP, tiền trong tài khoản
    sẽ bị chuyển đi. Ngân hàng chỉ hướng dẫn cập nhật sinh trắc học trên ứng dụng chính thức
    hoặc tại quầy giao dịch, không bao giờ gửi đường link qua tin nhắn.

    Ông Nguyễn Văn Hùng, Phó giám đốc Sở Y tế, cho biết tỷ lệ tiêm chủng đầy đủ cho trẻ dưới
    1 tuổi trên địa bàn năm nay đạt 96%. Sở sẽ tiếp tục rà soát, tiêm vét cho những trẻ bị
    lỡ mũi tiêm do ốm hoặc do gia đình chuyển nơi ở.

    Từ đêm nay, một bộ phận không khí lạnh sẽ ảnh hưởng đến các tỉnh phía Đông Bắc Bộ, sau
    đó ảnh hưởng đến các nơi khác ở Bắc Bộ và Bắc Trung Bộ. Gió đông bắc trong đất liền cấp
    2 đến 3, vùng ven biển cấp 3 đến 4. Khu vực vùng núi có nơi rét đậm, nhiệt độ thấp nhất
    10 đến 12 độ C. Phụ huynh nên chú ý giữ ấm cho trẻ khi đi học.

    Theo báo cáo của UBND tỉnh Quảng Bình, đợt mưa lũ vừa qua làm ngập hơn 4.500 nhà dân, hư
    hỏng 23 km đường giao thông nông thôn. Tỉnh đã xuất kho 50 tấn gạo hỗ trợ người dân vùng
    lũ và cử các đoàn công tác xuống từng xã để khắc phục hậu quả, vệ sinh môi trường, phòng
    dịch bệnh sau lũ.

    Liên quan đến clip "cá chết hàng loạt do nhà máy xả thải" được chia sẻ trên mạng, Sở Tài
    nguyên và Môi trường cho biết đoàn kiểm tra đã lấy mẫu nước tại khu vực. Kết quả sơ bộ
    cho thấy cá chết do thiếu oxy khi thời tiết chuyển mùa đột ngột, chưa phát hiện dấu hiệu
    xả thải. Sở sẽ công bố kết quả phân tích đầy đủ khi có.

    CẢNH BÁO: Công an TP Hà Nội cho biết xuất hiện các cuộc gọi tự xưng là nhân viên giao
    hàng, thông báo có bưu phẩm cần thanh toán phí và gửi mã QR để chuyển khoản. Người dân
    chỉ thanh toán khi đã nhận và kiểm tra hàng, tuyệt đối không quét mã QR do người lạ gửi.

    Đề thi và đáp án kỳ thi tốt nghiệp THPT chỉ được Bộ GD-ĐT công bố sau khi kết thúc môn
    thi. Các trang mạng rao bán "đề thi lộ" đều là lừa đảo, thí sinh và phụ huynh không nên
    chuyển tiền.

    Chiều 3/6, tại trận chung kết giải bóng rổ chuyên nghiệp, đội Saigon Heat thắng 87-79 và
    lên ngôi vô địch mùa giải. Đây là danh hiệu thứ hai của đội trong ba mùa gần nhất.

    Bệnh viện Chợ Rẫy cho biết vừa thực hiện thành công ca ghép thận thứ 1.000 kể từ khi
    triển khai kỹ thuật. Bệnh nhân đã được xuất viện sau hai tuần theo dõi.

    Khuyen cao cua nganh y te: nguoi dan khong nen tu y mua thuoc dieu tri sot xuat huyet
    tren mang. Khi co dau hieu sot cao lien tuc, dau bung, chay mau chan rang can den co so
    y te gan nhat.

    Thong bao cua truong THCS Nguyen Du: hoc sinh khoi 8 tham quan ngoai khoa tai Bao tang
    Dan toc hoc vao sang thu sau, tap trung tai san truong luc 7 gio, mac dong phuc.

    So Giao thong van tai thong bao cam xe tai tren 10 tan di vao trung tam thanh pho tu 6
    gio den 21 gio ke tu ngay 1/3. Xe tai duoc luu thong theo cac tuyen duong vanh dai.

    Ket qua vong 5 giai bong da hang Nhat: doi chu nha thang 2-0, ca hai ban thang deu duoc
    ghi trong hiep hai.

    UBND xa thong bao lich tiem phong dai cho cho, meo vao sang chu nhat tai nha van hoa
    thon. Chi phi theo quy dinh, chu vat nuoi mang theo so theo doi tiem phong neu co.

    Gia lua tai Dong bang song Cuu Long tuan nay tang nhe 100 den 200 dong/kg, theo bao cao
    cua cac so nong nghiep trong vung.

    Hôm nay, Bộ Ngoại giao khuyến cáo công dân Việt Nam không nhận lời mời làm việc "lương
    cao, không cần kinh nghiệm" ở nước ngoài qua mạng xã hội, vì nhiều trường hợp đã bị lừa
    sang làm việc cho các đường dây lừa đảo trực tuyến và bị giữ giấy tờ.

    Thời tiết nồm ẩm ở Bắc Bộ có thể kéo dài vài ngày tới. Các chuyên gia khuyên người dân
    đóng kín cửa vào ban ngày, dùng máy hút ẩm hoặc điều hòa ở chế độ khô và lau khô sàn nhà
    thường xuyên để tránh trơn trượt.

    Theo Sở Y tế, các trường hợp ngộ độc thực phẩm sau đám cưới tại xã Yên Thế đều đã xuất
    viện. Nguyên nhân đang được xác định qua kết quả xét nghiệm mẫu thức ăn.

    Chính quyền thị trấn thông báo chợ phiên sẽ tạm dời sang bãi đất trống cạnh UBND trong
    thời gian cải tạo chợ, dự kiến 6 tháng. Các tiểu thương được giữ nguyên vị trí khi chợ
    mới hoạt động.

    Hội Nông dân huyện tổ chức lớp tập huấn kỹ thuật trồng thanh long theo tiêu chuẩn
    VietGAP cho 60 hộ dân. Học viên được hỗ trợ tài liệu và giống cây.

    Giải Marathon quốc tế di sản lần thứ 5 sẽ diễn ra vào tháng 11 với các cự ly 5 km, 10
    km, 21 km và 42 km. Vận động viên đăng ký trên trang web chính thức của ban tổ chức.

    Theo thông báo từ sân bay Phú Quốc, đường băng đã được sửa chữa xong và các chuyến bay
    trở lại khai thác bình thường từ sáng nay.

    Phát ngôn viên Bộ Y tế cho biết vắc xin phòng COVID-19 đã được cấp phép sử dụng tại Việt
    Nam đều trải qua thử nghiệm lâm sàng và được theo dõi an toàn sau tiêm. Các phản ứng phổ
    biến như đau chỗ tiêm, sốt nhẹ thường tự hết sau 1 đến 2 ngày.

    Thông tin "đường dây nóng tổng đài 1900 gọi đến sẽ bị trừ hết tiền tài khoản" đang được
    chia sẻ trên Zalo là không chính xác. Cục Viễn thông cho biết nghe một cuộc gọi không
    thể làm mất tiền trong tài khoản ngân hàng, người dân chỉ cần không làm theo yêu cầu của
    người lạ.

    Tại kỳ họp, Quốc hội đã thông qua Luật Đất đai sửa đổi với đa số đại biểu tán thành.
    Luật có hiệu lực từ ngày 1/1 năm sau, một số điều được áp dụng sớm hơn.

    Sau trận mưa lớn đêm qua, một cây xanh trên đường Điện Biên Phủ bị gãy đổ, không gây
    thiệt hại về người. Công ty Công viên cây xanh đã cắt dọn, giao thông trở lại bình
    thường lúc 6 giờ sáng.

    Sở Lao động thông báo người lao động mất việc có thể nộp hồ sơ hưởng trợ cấp thất nghiệp
    trực tuyến trên Cổng dịch vụ công quốc gia trong vòng 3 tháng kể từ ngày chấm dứt hợp
    đồng.

    Bảo tàng thành phố mở triển lãm ảnh tư liệu "Hà Nội xưa" từ ngày 10 đến 30 tháng này, mở
    cửa từ 8 giờ đến 17 giờ hằng ngày, trừ thứ hai.

    Theo UBND phường, việc thu phí vệ sinh được thực hiện qua tổ dân phố và có biên lai.
    Người dân không nộp tiền cho người lạ đến nhà tự xưng là cán bộ phường.

    Khuyến cáo của Bộ Y tế về phòng chống nắng nóng: uống đủ nước, hạn chế ra ngoài từ 11
    đến 15 giờ, mặc quần áo sáng màu và chú ý người cao tuổi, trẻ nhỏ có dấu hiệu mệt lả,
    chuột rút.

    Trận đấu giữa Hoàng Anh Gia Lai và Bình Định kết thúc với tỷ số hòa 0-0. Cả hai đội đều
    có cơ hội nhưng không tận dụng được.

    Giá thịt lợn hơi tại các tỉnh phía Bắc tuần này dao động từ 55.000 đến 58.000 đồng/kg,
    giảm nhẹ so với tuần trước, theo khảo sát của các sở nông nghiệp.

    Lãnh đạo Sở Văn hóa cho biết kế hoạch trùng tu đình làng Chèm đã được phê duyệt, dự kiến
    khởi công vào quý II và hoàn thành trong 18 tháng.

    Theo Công an tỉnh Lạng Sơn, tin đồn "có nhóm người bắt cóc trẻ em bằng xe ô tô trắng"
    lan truyền trong các nhóm phụ huynh là không có thật. Cơ quan công an đề nghị người dân
    không chia sẻ thông tin chưa kiểm chứng và báo ngay khi thấy dấu hiệu bất thường.

    Giờ làm việc của Bộ phận tiếp nhận và trả kết quả thủ tục hành chính từ thứ hai đến thứ
    sáu, sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ.

    Tỉnh Kiên Giang ghi nhận tình trạng xâm nhập mặn sâu hơn cùng kỳ. Ngành nông nghiệp
    khuyến cáo bà con trữ nước ngọt, theo dõi độ mặn trước khi lấy nước vào ruộng.

    Vietnam Airlines thông báo mở đường bay thẳng mới kết nối Hà Nội với một thành phố ở Ấn
    Độ, tần suất 4 chuyến mỗi tuần, bắt đầu từ tháng sau.

    Đại diện Trung tâm Kiểm soát bệnh tật cho biết hiện nay chưa có thuốc đặc trị sốt xuất
    huyết. Người bệnh cần được theo dõi sát, không tự ý truyền dịch tại nhà.

    Thực hiện chủ trương chuyển đổi số, từ tháng tới người dân có thể nộp phạt vi phạm giao
    thông trực tuyến qua Cổng dịch vụ công quốc gia, không phải đến trụ sở.

    Đoàn kiểm tra liên ngành thành phố đã xử phạt 12 cơ sở kinh doanh thực phẩm vi phạm quy
    định về vệ sinh an toàn thực phẩm trong tháng cao điểm.

    Nhân dịp kỷ niệm ngày thành lập, Thư viện Quốc gia mở cửa miễn phí phòng đọc và tổ chức
    tọa đàm về văn hóa đọc vào cuối tuần này.

    Đường sắt đô thị tuyến Nhổn - ga Hà Nội đoạn trên cao vận hành từ 5 giờ 30 đến 22 giờ
    hằng ngày, giá vé lượt từ 8.000 đồng đến 15.000 đồng tùy quãng đường.

    Theo kết quả xét nghiệm, lô sản phẩm nước mắm bị phản ánh trên mạng đạt các chỉ tiêu an
    toàn thực phẩm. Cơ quan chức năng sẽ tiếp tục kiểm tra định kỳ theo quy định.

    Cảnh sát Phòng cháy chữa cháy khuyến cáo các hộ gia đình không sạc xe điện qua đêm ở khu
    vực gần cầu thang, lối thoát nạn và nên trang bị bình chữa cháy mini.

    Sáng nay, tại Hà Nội, Bộ Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học và triển
    khai nhiệm vụ năm học mới với sự tham gia của các sở giáo dục trên cả nước.

    Cuối tuần này, Hà Nội có mưa rào rải rác, gió nhẹ, nhiệt độ từ 22 đến 28 độ. Thời tiết
    thuận lợi cho các hoạt động ngoài trời vào buổi sáng.

    Khánh thành trạm y tế xã mới tại huyện vùng cao với tổng kinh phí 6 tỷ đồng, trang bị
    máy siêu âm và phòng sinh đạt chuẩn.

    Sở Y tế thông tin: thời gian qua có hiện tượng một số cơ sở quảng cáo thực phẩm chức
    năng "chữa khỏi tiểu đường" trên mạng. Đây là hành vi quảng cáo sai sự thật, thực phẩm
    chức năng không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.

    Công ty Đường sắt cho biết đoàn tàu SE4 bị chậm khoảng 40 phút do sự cố tín hiệu tại ga
    Đồng Hới, hiện đã khắc phục xong. Hành khách được thông báo trên loa tại các ga.

    Ủy ban Mặt trận Tổ quốc tỉnh tiếp nhận hơn 20 tỷ đồng ủng hộ người dân vùng lũ. Danh
    sách đóng góp được công khai trên trang thông tin điện tử của Ủy ban.

    Hiện nay đang mùa nấm độc, Trung tâm Chống độc khuyến cáo người dân tuyệt đối không hái
    nấm mọc hoang để ăn, kể cả nấm trông giống nấm ăn được.

    Chiều nay, Ban tổ chức SEA Games công bố lịch thi đấu chính thức. Môn bóng đá nam khởi
    tranh sớm nhất, ba ngày trước lễ khai mạc.

    Ha Noi: Tu sang mai, duong Kim Ma tam cam mot lan xe theo chieu tu Lieu Giai ve Nguyen
    Chi Thanh de sua chua cong thoat nuoc, du kien trong 10 ngay.

    Tuyen truyen phong chong chay no: khi phat hien chay, nguoi dan goi ngay so 114, ngat
    dien khu vuc chay neu an toan va thoat ra ngoai theo loi thoat nan gan nhat.

    Trung tâm Dự báo: trong những giờ tới, ở khu vực các tỉnh Hà Giang, Lào Cai, Yên Bái có
    mưa to, nguy cơ cao xảy ra lũ quét và sạt lở đất tại các huyện vùng núi. Người dân tránh
    đi qua ngầm tràn, suối khi nước đang dâng.

    Theo báo cáo, năm nay cả nước có 70 trường đại học tuyển sinh bằng kết quả kỳ thi đánh
    giá năng lực. Thí sinh nên tìm hiểu kỹ đề án tuyển sinh công bố trên trang của từng
    trường.

    Giám đốc Công an tỉnh đã khen thưởng tập thể Đội Cảnh sát hình sự vì thành tích phá
    nhanh vụ cướp tiệm vàng trong vòng 24 giờ.

    Đề nghị phụ huynh không cung cấp thông tin cá nhân của học sinh cho người gọi điện tự
    xưng là giáo viên thông báo con bị tai nạn cần chuyển tiền cấp cứu gấp. Hãy gọi trực
    tiếp cho giáo viên chủ nhiệm hoặc nhà trường để xác minh.

    Cục Quản lý Dược cho biết một lô thuốc hạ sốt bị làm giả đã được phát hiện, đề nghị các
    cơ sở dược ngừng kinh doanh và người dân chỉ mua thuốc tại nhà thuốc có giấy phép.

    Nhà máy nước thông báo sau sự cố vỡ đường ống, việc cấp nước đã được khôi phục dần từ 18
    giờ. Một số hộ ở cuối nguồn có thể nước yếu đến sáng mai.

    Theo dự báo, mùa mưa bão năm nay có khoảng 11 đến 13 cơn bão và áp thấp nhiệt đới hoạt
    động trên Biển Đông, trong đó khoảng 5 đến 6 cơn có thể ảnh hưởng trực tiếp đến đất
    liền.

    Triển lãm sách quốc tế diễn ra tại Trung tâm Hội chợ và Triển lãm từ thứ năm đến chủ
    nhật với hơn 200 gian hàng của các nhà xuất bản trong và ngoài nước.

    Theo kế hoạch, quận sẽ tổ chức tuyển sinh đầu cấp trực tuyến từ ngày 1/7. Phụ huynh dùng
    mã định danh của học sinh để đăng ký và theo dõi kết quả trên hệ thống.

    Tỉnh Sơn La xuất khẩu lô xoài đầu tiên của mùa vụ sang thị trường Úc. Đây là năm thứ tư
    liên tiếp xoài của tỉnh đáp ứng tiêu chuẩn xuất khẩu vào thị trường này.

    Nhiều người hỏi về clip "tôm bị bơm tạp chất" trên mạng. Cơ quan quản lý thị trường đã
    kiểm tra và xác định clip được quay từ năm 2019 ở một địa phương khác, không phải sự
    việc mới. Người dân nên mua thực phẩm có nguồn gốc rõ ràng.

    Theo Ban Quản lý dự án, hầm chui tại nút giao An Phú đã thông xe một nhánh, giúp giảm ùn
    tắc vào giờ cao điểm khu vực cửa ngõ phía Đông.

    Cơ quan Cảnh sát điều tra đã khởi tố vụ án lừa đảo chiếm đoạt tài sản liên quan đến một
    sàn đầu tư tiền ảo hứa hẹn lợi nhuận 30% mỗi tháng. Cơ quan điều tra đề nghị ai là bị
    hại liên hệ để cung cấp thông tin.

    Chiều nay, Quốc hội biểu quyết thông qua nghị quyết về dự toán ngân sách nhà nước năm
    sau, trong đó tổng chi cho giáo dục chiếm khoảng 20%.

    Liên đoàn Bóng đá Việt Nam công bố danh sách 26 cầu thủ tham dự đợt tập trung tháng 3.
    Đội sẽ tập luyện tại Trung tâm đào tạo bóng đá trẻ Việt Nam.

    Sở Du lịch khuyến cáo du khách chỉ mua tour tại các doanh nghiệp lữ hành có giấy phép,
    kiểm tra hợp đồng và hóa đơn. Danh sách doanh nghiệp được cấp phép công khai trên trang
    của Sở.

    Ông Trần Minh Tuấn, Chủ tịch UBND huyện, cho biết huyện đã hoàn thành cấp nước sạch cho
    95% hộ dân nông thôn, phần còn lại sẽ được hoàn thành trong năm tới.

    Bão số 4 đã suy yếu thành áp thấp nhiệt đới sau khi đi vào đất liền các tỉnh Thanh Hóa -
    Nghệ An. Tuy nhiên, hoàn lưu áp thấp vẫn gây mưa to đến rất to trong 1 đến 2 ngày tới.

    Kết quả kiểm tra cho thấy nguồn nước máy tại khu chung cư đạt quy chuẩn. Màu nước đục
    hôm qua là do cặn trong đường ống sau thời gian cắt nước, Ban quản lý đã súc xả bể chứa.

    Thông tin "người dân phải cài lại ứng dụng VNeID nếu không sẽ bị khóa căn cước" là không
    đúng. Bộ Công an khuyến cáo chỉ tải ứng dụng từ kho chính thức và không làm theo hướng
    dẫn của người lạ qua điện thoại.

    Theo Bộ Nông nghiệp, dịch cúm gia cầm đã được khống chế tại 2 xã của tỉnh. Người dân
    không mua bán, ăn thịt gia cầm bị bệnh hoặc chết không rõ nguyên nhân.

    Tháng này, thành phố khai trương thêm 3 tuyến xe buýt điện kết nối các khu đô thị mới
    với trung tâm, giá vé 7.000 đồng mỗi lượt.

    Ban tổ chức thông báo lễ trao giải cuộc thi viết về thầy cô sẽ diễn ra lúc 9 giờ sáng
    thứ bảy tại hội trường Sở GD-ĐT. Danh sách đoạt giải được đăng trên trang của Sở.

    Theo khảo sát của hội người tiêu dùng, giá rau xanh tại các chợ tăng 10 đến 20% sau mưa
    bão do nguồn cung giảm, dự kiến ổn định lại trong khoảng 2 tuần.

    Xác nhận từ Đài Khí tượng: hiện tượng mưa đá chiều qua tại một số xã huyện Bắc Hà là
    hiện tượng thời tiết cực đoan thường gặp trong giai đoạn chuyển mùa, không phải "dấu
    hiệu thiên tai lớn sắp xảy ra" như lời đồn.

    Hôm nay 15/5, hơn 200 sinh viên tình nguyện của trường đã lên đường tham gia chiến dịch
    mùa hè xanh tại các tỉnh miền núi phía Bắc.

    Nhóm nghiên cứu của Viện Hàn lâm Khoa học và Công nghệ Việt Nam công bố phát hiện một
    loài thằn lằn mới tại Vườn quốc gia Phong Nha - Kẻ Bàng, kết quả đăng trên một tạp chí
    chuyên ngành quốc tế.

    Công an phường nhắc người dân khóa cửa cẩn thận, không để tài sản có giá trị trên xe máy
    khi đỗ trước nhà vì gần đây xảy ra một số vụ trộm vặt vào ban đêm.

    Mức lương cơ sở mới áp dụng từ ngày 1/7 theo nghị định của Chính phủ. Các khoản phụ cấp
    tính theo lương cơ sở cũng được điều chỉnh tương ứng.

    Chiều qua, cháy một kho phế liệu tại khu công nghiệp, không gây thương vong. Lực lượng
    PCCC đã khống chế đám cháy sau khoảng 1 giờ, nguyên nhân đang được điều tra.

    Trận chung kết AFF Cup lượt về sẽ diễn ra lúc 19 giờ 30 tối thứ bảy. Ban tổ chức khuyến
    cáo người hâm mộ chỉ mua vé qua kênh phân phối chính thức để tránh vé giả.

    Trường Đại học Y Hà Nội công bố danh sách trúng tuyển sau đại học. Học viên nhập học
    theo giấy báo gửi qua email và không phải nộp thêm khoản phí nào ngoài học phí quy định.

    Sở Công Thương cho biết nguồn cung hàng hóa dịp Tết dồi dào, các doanh nghiệp bình ổn
    cam kết không tăng giá trong thời gian từ nay đến rằm tháng Giêng.

    Từ tuần sau, trạm y tế phường mở thêm buổi tiêm chủng vào chiều thứ bảy để thuận tiện
    cho phụ huynh đi làm giờ hành chính.

    Nhằm bảo đảm an toàn giao thông mùa lễ hội, tỉnh Bắc Ninh bố trí 300 cán bộ, chiến sĩ
    điều tiết giao thông tại các điểm lễ hội lớn và tuyến quốc lộ 1A.

    Theo Cục Phòng chống thiên tai, động đất 4,0 độ richter ghi nhận tại Kon Tum sáng nay
    không gây thiệt hại. Đây là động đất kích thích liên quan đến hồ chứa, ở mức không gây
    nguy hiểm.

    Trước thông tin "ăn thịt gà dễ nhiễm cúm gia cầm" lan truyền trên mạng, Cục Thú y khẳng
    định thịt gà có nguồn gốc rõ ràng, đã qua kiểm dịch và được nấu chín kỹ là an toàn.
    Virus cúm gia cầm bị tiêu diệt ở nhiệt độ trên 70 độ C. Người dân chỉ cần tránh tiếp
    xúc, giết mổ gia cầm bệnh, chết và mua sản phẩm tại nơi có kiểm soát thú y.

    Sáng 8/3, tại Nhà văn hóa quận, Hội Liên hiệp Phụ nữ tổ chức buổi nói chuyện chuyên đề
    về chăm sóc sức khỏe sinh sản với sự tham gia của các bác sĩ Bệnh viện Phụ sản. Sau buổi
    nói chuyện, hơn 150 hội viên được khám phụ khoa và tư vấn miễn phí. Chương trình sẽ được
    tiếp tục tổ chức tại các phường trong tháng tới, lịch cụ thể được thông báo qua tổ dân
    phố.

    UBND tỉnh Lào Cai thông báo: do mưa lớn kéo dài, đường lên Sa Pa đoạn Km 12 xuất hiện
    một số điểm sạt lở taluy dương. Lực lượng chức năng đã bố trí máy móc túc trực, giao
    thông được đảm bảo một làn. Du khách nên theo dõi thông báo của địa phương, tránh di
    chuyển vào ban đêm và khi trời đang mưa to.

    Tối 21/11, Công an quận Hà Đông cho biết đã tiếp nhận đơn trình báo của một phụ nữ bị
    lừa 1,2 tỷ đồng. Người này nhận cuộc gọi video từ đối tượng giả danh cán bộ công an, có
    hình ảnh mặc cảnh phục và "lệnh bắt" giả, yêu cầu chuyển tiền vào "tài khoản tạm giữ" để
    chứng minh trong sạch. Công an khẳng định không có quy trình làm việc nào như vậy và đề
    nghị người dân cảnh giác.

    Trung tâm Cấp cứu 115 lưu ý: khi gặp người bị đột quỵ, cần gọi cấp cứu ngay, để người
    bệnh nằm nghiêng an toàn, không cho ăn uống và không chích máu đầu ngón tay, vì các biện
    pháp dân gian có thể làm mất thời gian vàng điều trị.

    Ban Quản lý an toàn thực phẩm TP.HCM cho biết clip "gạo nhựa" lan truyền trên mạng là
    thông tin sai. Kết quả kiểm nghiệm các mẫu gạo bị phản ánh cho thấy đây là gạo bình
    thường, không phát hiện nhựa hay chất lạ.

    Năm nay, trường THPT chuyên tuyển 525 học sinh lớp 10 cho 15 lớp chuyên. Thí sinh dự thi
    các môn chung và môn chuyên theo lịch Sở GD-ĐT công bố. Nhà trường không tổ chức lớp ôn
    thi và không ủy quyền cho bất kỳ trung tâm nào thu phí "đảm bảo đỗ".

    Sở Y tế Đồng Nai cho biết trong tuần ghi nhận 2 ca mắc bạch hầu tại một huyện, các
    trường hợp tiếp xúc gần đã được uống kháng sinh dự phòng. Ngành y tế đang triển khai
    tiêm vắc xin cho người dân trong vùng nguy cơ.

    Ket qua thi dau vong bang giai bong chuyen nu: doi tuyen Viet Nam thang Philippines 3-1,
    thua Thai Lan 0-3. Doi se gap Indonesia trong tran quyet dinh tam ve ban ket vao toi thu
    bay.

    Theo lich cua Bo GD-DT, thi sinh co the dieu chinh nguyen vong xet tuyen dai hoc tren he
    thong cua Bo tu ngay 18/7 den 17 gio ngay 30/7. Khong gioi han so lan dieu chinh trong
    thoi gian nay.

    Canh bao cua Cong an tinh: doi tuong gia danh nhan vien dien luc goi dien thong bao no
    tien dien, yeu cau chuyen khoan ngay neu khong se cat dien. Dien luc khong thu tien qua
    dien thoai, nguoi dan can goi tong dai cham soc khach hang de xac minh.

    Vu lua cho thue nha tren mang: nhieu sinh vien bi mat tien coc khi thue phong qua hoi
    nhom mang xa hoi. Cong an khuyen cao chi dat coc khi da xem phong truc tiep va co hop
    dong ghi ro thong tin chu nha.

    Cuc Canh sat giao thong cho biet tu dau nam den nay tai nan giao thong giam 12% ca ve so
    vu va so nguoi chet so voi cung ky nam truoc.

    Tại buổi họp báo chiều nay, Sở Y tế TP.HCM khẳng định thông tin "bệnh viện hết thuốc,
    bệnh nhân phải tự mua" là không chính xác với phần lớn các cơ sở. Một số loại thuốc đặc
    thù bị thiếu cục bộ đang được bổ sung qua đấu thầu và mua sắm khẩn cấp.

    Theo Viện Dinh dưỡng quốc gia, mỗi người trưởng thành nên ăn dưới 5 gam muối mỗi ngày,
    tăng cường rau xanh, trái cây và vận động ít nhất 150 phút mỗi tuần để phòng tăng huyết
    áp.

    Từ hôm nay, các cửa hàng xăng dầu trên địa bàn tỉnh bắt buộc xuất hóa đơn điện tử cho
    từng lần bán hàng, theo hướng dẫn của Cục Thuế tỉnh.

    Giải vô địch điền kinh quốc gia kết thúc với đoàn Hà Nội dẫn đầu toàn đoàn với 22 huy
    chương vàng. Nhiều kỷ lục quốc gia mới được thiết lập ở nội dung chạy cự ly trung bình.

    Sở Giao thông Vận tải cho biết việc thu phí không dừng đã được áp dụng tại tất cả các
    trạm trên các tuyến cao tốc. Chủ phương tiện chưa dán thẻ có thể dán miễn phí tại các
    điểm dịch vụ của nhà cung cấp.

    Hiện tượng sương mù dày đặc sáng nay khiến tầm nhìn trên cao tốc Hà Nội - Hải Phòng hạn
    chế dưới 100 m. Cảnh sát giao thông đề nghị tài xế bật đèn sương mù, giảm tốc độ và giữ
    khoảng cách an toàn.

    Ủy ban nhân dân thành phố Cần Thơ đã khai mạc Lễ hội Bánh dân gian Nam Bộ với sự tham
    gia của hơn 100 gian hàng. Lễ hội kéo dài 5 ngày, vào cửa tự do.

    Theo Trung tâm Kiểm soát bệnh tật, các ca bệnh cúm mùa gia tăng là diễn biến thường gặp
    vào thời điểm giao mùa. Người có triệu chứng sốt, ho nên nghỉ ngơi, đeo khẩu trang khi
    tiếp xúc với người khác và đi khám nếu sốt cao kéo dài.

    Bộ Công an đề nghị người dân cảnh giác với các cuộc gọi sử dụng công nghệ deepfake giả
    giọng nói, hình ảnh người thân để vay tiền. Trước khi chuyển tiền, hãy gọi lại trực tiếp
    qua số điện thoại đã biết để xác minh.

    Theo quy định, xe ô tô kinh doanh vận tải phải lắp camera giám sát hành trình. Thời hạn
    chuyển đổi đã được Chính phủ gia hạn thêm 6 tháng, sau thời hạn này lực lượng chức năng
    sẽ kiểm tra, xử lý.

    Bệnh viện Đa khoa tỉnh vừa tiếp nhận và điều trị cho 5 người bị ngộ độc rượu methanol
    sau khi uống rượu trắng không rõ nguồn gốc. Sở Y tế khuyến cáo người dân không uống rượu
    trôi nổi, không nhãn mác.

    Ngày hội tư vấn tuyển sinh và hướng nghiệp năm nay quy tụ hơn 90 trường đại học, cao
    đẳng. Học sinh được tư vấn trực tiếp về phương thức xét tuyển, học phí và học bổng.

    Công đoàn thành phố tổ chức chương trình "Chuyến xe nghĩa tình" đưa 2.000 công nhân về
    quê ăn Tết miễn phí. Danh sách được lập qua công đoàn cơ sở, không thu bất kỳ khoản phí
    nào.

    Sau phản ánh của báo chí, UBND phường đã kiểm tra và yêu cầu chủ đầu tư công trình xây
    dựng trên đường Lê Văn Sỹ che chắn, tưới nước giảm bụi và không thi công sau 22 giờ.

    Theo UBND tỉnh Bà Rịa - Vũng Tàu, tàu cao tốc Vũng Tàu - Côn Đảo tạm ngừng chạy 2 ngày
    do biển động. Hành khách đã mua vé được đổi ngày đi hoặc hoàn tiền 100%.

    Ngân hàng Nhà nước giữ nguyên các mức lãi suất điều hành trong kỳ họp này, theo thông
    cáo phát đi chiều nay.

    Sở GD-ĐT lưu ý: không có chuyện "học sinh thiếu 0,5 điểm được mua điểm để đỗ lớp 10".
    Mọi hình thức nhận tiền hứa hẹn chạy trường đều là lừa đảo và vi phạm pháp luật.

    Mùa khô năm nay, lực lượng kiểm lâm tỉnh duy trì trực cấp dự báo cháy rừng cấp IV tại
    các huyện phía Tây. Người dân không đốt nương rẫy trong thời gian cao điểm nắng nóng.

    Ngày mai, trường Đại học Kinh tế Quốc dân tổ chức lễ tốt nghiệp cho hơn 3.000 tân cử
    nhân. Do lượng phụ huynh đông, nhà trường đề nghị khách đến dự gửi xe tại khu vực được
    bố trí.

    Sở Nội vụ thông báo kỳ thi tuyển công chức năm nay được tổ chức trên máy tính, kết quả
    vòng 1 công bố ngay sau khi thi. Thông báo chính thức được đăng trên cổng thông tin của
    tỉnh, không có trường hợp "xét đặc cách có phí".

    Liên quan đến thông tin một học sinh lớp 6 bị bắt cóc trước cổng trường, công an huyện
    xác minh em tự đi chơi với bạn và đã về nhà an toàn. Cơ quan công an đề nghị không chia
    sẻ thông tin sai gây hoang mang.

    Đêm qua, trận động đất 5,1 độ ở Myanmar được ghi nhận rung lắc nhẹ tại một số nhà cao
    tầng ở Hà Nội. Viện Vật lý địa cầu cho biết không có nguy cơ gây thiệt hại cho khu vực
    Việt Nam.

    Đại diện Tổng công ty Điện lực cho biết việc cắt điện chỉ được thực hiện theo lịch thông
    báo trước trên website, ứng dụng chăm sóc khách hàng và tin nhắn thương hiệu của ngành
    điện. Các tin nhắn yêu cầu chuyển khoản gấp để tránh cắt điện đều là lừa đảo.

    Chiều 5/10, UBND tỉnh Hà Tĩnh tổ chức họp báo thông tin về tình hình mưa lũ. Theo báo
    cáo, từ ngày 1 đến ngày 4/10, lượng mưa phổ biến từ 300 đến 500 mm, có nơi trên 700 mm,
    khiến nhiều khu dân cư ở các huyện Hương Khê, Vũ Quang bị ngập sâu. Tỉnh đã sơ tán hơn
    6.000 hộ dân đến nơi an toàn, tổ chức nấu ăn tại chỗ và cấp phát nước uống, thuốc men.
    Lãnh đạo tỉnh đề nghị người dân tuyệt đối không đi qua các đoạn đường ngập sâu, nước
    chảy xiết và không vớt củi trên sông. Số liệu thiệt hại sẽ tiếp tục được cập nhật khi
    nước rút.

    Trả lời câu hỏi của phóng viên về thông tin "sắp tới sẽ thu hồi giấy phép lái xe của
    người trên 60 tuổi", đại diện Cục Cảnh sát giao thông cho biết pháp luật hiện hành không
    có quy định nào như vậy. Người lái xe chỉ phải khám sức khỏe định kỳ theo hạng bằng và
    theo quy định của Bộ Y tế. Cơ quan chức năng đề nghị người dân theo dõi thông tin trên
    các kênh chính thức, không chia sẻ nội dung chưa được kiểm chứng vì có thể bị xử lý theo
    quy định về cung cấp, chia sẻ thông tin sai sự thật trên không gian mạng.

    Theo Bộ Y tế, trong mùa dịch sốt xuất huyết, người dân cần chủ động loại bỏ nơi muỗi đẻ
    trứng bằng cách đậy kín dụng cụ chứa nước, thả cá ăn lăng quăng vào bể nước lớn, thu gom
    vỏ chai, lốp xe cũ quanh nhà. Khi có dấu hiệu sốt cao đột ngột, đau đầu, đau hốc mắt,
    đau cơ khớp, người bệnh cần đến cơ sở y tế để được chẩn đoán và theo dõi. Đặc biệt, từ
    ngày thứ 3 đến ngày thứ 7 của bệnh là giai đoạn nguy hiểm, dù hết sốt vẫn cần theo dõi
    các dấu hiệu như đau bụng, nôn nhiều, chảy máu, li bì để đưa đi viện kịp thời.

    Tổng cục Thống kê công bố tăng trưởng GDP quý III ước đạt 6,8% so với cùng kỳ năm trước.
    Trong đó, khu vực công nghiệp và xây dựng tăng 7,4%, khu vực dịch vụ tăng 7,1%, khu vực
    nông, lâm nghiệp và thủy sản tăng 3,2%. Tính chung 9 tháng, tổng mức bán lẻ hàng hóa và
    doanh thu dịch vụ tiêu dùng tăng 8,8%, vốn đầu tư trực tiếp nước ngoài thực hiện đạt
    khoảng 17 tỷ USD, mức cao nhất trong nhiều năm. Cơ quan thống kê lưu ý các rủi ro từ thị
    trường xuất khẩu và biến động giá cả thế giới trong quý cuối năm.

    Thông báo của Trường Tiểu học Nguyễn Bỉnh Khiêm: Thực hiện kế hoạch năm học, nhà trường
    tổ chức cho học sinh khối 4 và khối 5 tham gia buổi ngoại khóa "Em yêu khoa học" vào
    sáng thứ sáu tuần này tại hội trường của trường. Học sinh mặc đồng phục, mang theo bình
    nước cá nhân. Buổi học kết thúc lúc 10 giờ 30, học sinh trở về lớp học tiết 4 bình
    thường. Nhà trường không thu bất kỳ khoản phí nào cho hoạt động này. Mọi thông tin, phụ
    huynh vui lòng liên hệ giáo viên chủ nhiệm hoặc văn phòng nhà trường trong giờ hành
    chính.

    Công an TP.HCM vừa phát đi cảnh báo về thủ đoạn "hoàn tiền vé máy bay". Đối tượng lập
    trang mạng xã hội mạo danh đại lý của các hãng hàng không, bán vé giá rẻ, sau đó thông
    báo chuyến bay bị hủy và hướng dẫn khách "nhận hoàn tiền" bằng cách cung cấp thông tin
    thẻ và mã OTP. Nhiều nạn nhân đã bị chiếm đoạt từ vài triệu đến hàng trăm triệu đồng.
    Công an khuyến cáo chỉ mua vé tại website, ứng dụng của hãng hoặc đại lý chính thức,
    tuyệt đối không cung cấp mã OTP cho người khác và trình báo ngay khi phát hiện bị lừa.

    Về thông tin "dùng điện thoại khi đang sạc sẽ bị nổ và giật điện tử vong" được chia sẻ
    nhiều trên mạng, các chuyên gia điện tử cho biết rủi ro chủ yếu đến từ bộ sạc, dây cáp
    kém chất lượng hoặc pin đã phồng, hỏng. Người dùng nên sử dụng bộ sạc chính hãng hoặc
    đạt chuẩn, không sạc khi đang nằm trên giường, chăn gối, không sạc qua đêm gần vật dễ
    cháy và thay pin khi thấy dấu hiệu phồng, nóng bất thường. Việc vừa sạc vừa dùng điện
    thoại với thiết bị đạt chuẩn không gây nguy hiểm như lời đồn.

    Kết thúc giải vô địch quốc gia mùa này, câu lạc bộ Công an Hà Nội giành chức vô địch sớm
    một vòng đấu. Trong trận cầu then chốt tối qua trên sân Hàng Đẫy, đội bóng ngành công an
    giành chiến thắng 3-1, trong đó tiền đạo ngoại binh lập cú đúp. Đội á quân là Thép Xanh
    Nam Định, xếp thứ ba là Bình Dương. Ở cuối bảng, Khánh Hòa chính thức phải xuống hạng.
    Lễ trao cúp vô địch sẽ được Ban tổ chức giải tổ chức sau trận đấu vòng cuối trên sân nhà
    của đội vô địch.

    Mưa to, có nơi rất to.

    Mai Hà Nội trời rét, nhiệt độ thấp nhất 12 độ.

    Xe buýt số 32 hoạt động bình thường từ sáng nay.
"""
)

_UNRELIABLE_POSTS = _posts(
    """
    Chỉ cần uống nước lá ổi đun sôi mỗi sáng lúc bụng đói là khỏi ung thư gan chỉ sau 3
    tuần, bác sĩ không bao giờ nói cho bạn biết điều này!!!

    KHẨN: Bộ GD thông báo toàn bộ học sinh cả nước nghỉ học đến hết tháng do dịch bệnh mới
    bùng phát. Phụ huynh chia sẻ ngay cho mọi người cùng biết!!!

    Từ ngày mai phạt 5 triệu nếu đi xe máy mà không mang theo sổ hộ khẩu bản gốc, công an đã
    chốt chặn khắp các ngả đường, anh em lưu ý nhé!!!

    Chia sẻ bài này để nhận 500k vào tài khoản ngân hàng, chương trình tri ân khách hàng của
    Vietcombank chỉ còn 2 ngày 🎁🎁🎁

    NHẬN IPHONE 15 PRO MAX MIỄN PHÍ chỉ cần like trang, share bài viết và bình luận số điện
    thoại. Chúng tôi sẽ liên hệ trao quà trong 24h!!!

    Nóng: đêm nay lúc 2h sáng sẽ có động đất 8 độ richter ở Hà Nội, Viện Vật lý địa cầu đã
    cảnh báo nhưng bị giấu thông tin. Ai ở nhà cao tầng xuống đất ngủ gấp!!!

    SHARE NGAY kẻo muộn!!! Nước máy khu vực quận 7 đã bị nhiễm độc chì, tuyệt đối không dùng
    nấu ăn trong 1 tuần tới. Tin từ người nhà làm bên công ty nước.

    Mọi người ơi đừng tiêm vắc xin nữa, vắc xin có gắn chip theo dõi và làm thay đổi ADN của
    người tiêm. Bạn tôi làm ở bệnh viện kể lại rồi, họ giấu hết đấy.

    Bí mật mà các hãng dược giấu kín: ăn 3 tép tỏi sống với mật ong mỗi tối là tiêu sạch mỡ
    máu, huyết áp về bình thường, bỏ luôn thuốc tây!!!

    Ai cần vay tiền không thế chấp, duyệt trong 5 phút, lãi suất 0% tháng đầu, chỉ cần căn
    cước. Inbox ngay em hỗ trợ nhiệt tình 💰💰

    Tin mật: ông chủ tịch tỉnh đã bị bắt đêm qua cùng 3 vali tiền mặt, báo chí không dám đưa
    tin. Chia sẻ trước khi bài bị xóa!!!

    Nữ ca sĩ nổi tiếng X vừa qua đời tại nhà riêng, gia đình đang giấu thông tin. Cầu mong
    cô yên nghỉ 🙏🙏 Share để mọi người cùng tiễn đưa.

    CẢNH BÁO: Có một nhóm người đi xe 7 chỗ màu trắng bắt cóc trẻ em để mổ lấy nội tạng ở
    khu vực Thủ Đức, đã mất tích 5 bé. Các bố mẹ giữ con cẩn thận và share cho nhiều người
    biết!!!

    Uống nước đá lạnh sau khi ăn sẽ làm dầu mỡ đông cứng lại trong dạ dày và gây ung thư.
    Bác sĩ ở Nhật đã nghiên cứu rồi, hãy gửi cho 10 người bạn yêu quý.

    Mạng 5G chính là nguyên nhân phát tán virus, các trạm phát sóng phát ra tia gây suy giảm
    miễn dịch. Tháo ngay cục phát wifi khỏi phòng ngủ của con bạn!!!

    Đây là tin nhắn từ Facebook: từ ngày mai Facebook sẽ thu phí 199.000đ mỗi tháng. Để giữ
    tài khoản miễn phí hãy đăng lại nội dung này lên tường nhà bạn.

    Ngân hàng đang lỗi hệ thống, ai chuyển khoản từ 100k sẽ được hoàn lại gấp đôi. Mình vừa
    thử được rồi nè mn nhanh tay lên k là hết 😱😱

    Tỉnh nhà mình chuẩn bị phong tỏa toàn bộ từ 0h đêm nay, siêu thị sẽ đóng cửa 1 tháng, ai
    cần mua đồ dự trữ thì đi ngay đi. Nguồn tin từ người quen trong ủy ban.

    Lá đu đủ đực sắc uống 7 ngày chữa khỏi hoàn toàn sốt xuất huyết, không cần đi viện
    truyền dịch. Bà tôi chữa cho cả xóm khỏi rồi!!

    ĐỪNG ĂN MÌ TÔM NỮA!!! Trong mì tôm có một lớp sáp bọc sợi mì, ăn vào mất 32 ngày mới
    tiêu hóa hết, gây ung thư dạ dày. Share cho người thân biết ngay!!!

    Mình nghe nói từ tháng sau nhà nước thu hồi toàn bộ sổ đỏ cũ, ai không đổi sang sổ mới
    trước ngày 30 sẽ mất đất. Ai chưa đổi lên UBND xã ngay nhé.

    Ăn chuối với sữa chua cùng lúc là sinh ra chất độc, đã có người tử vong. Hãy cẩn thận
    với những thực phẩm kỵ nhau này!!!

    Chúc mừng bạn đã trúng thưởng xe máy SH 150i trong chương trình quay số may mắn. Vui
    lòng nộp 2.500.000đ phí trước bạ để nhận xe trong ngày.

    Bộ Y tế vừa xác nhận virus mới lây qua đường không khí từ khoảng cách 50m, không có
    thuốc chữa, tỉ lệ tử vong 90%. Ở nhà đóng kín cửa!!!

    Khẩn cấp!!! Đập thủy điện Hòa Bình đã bị nứt và có thể vỡ bất cứ lúc nào, các tỉnh hạ
    lưu cần di tản ngay. Tin từ kỹ sư làm trong nhà máy.

    Tin vui cho bà con: Nhà nước hỗ trợ mỗi người dân 3 triệu đồng, đăng ký nhận tiền tại
    link bên dưới trước 12h trưa nay, hết hạn sẽ không được nhận.

    Người Mỹ đã chứng minh nước dừa tươi có thể thay thế huyết thanh truyền cho bệnh nhân.
    Khi bị mất nước chỉ cần uống 3 trái dừa là đủ, không cần vào viện.

    Đêm nay ngắm mặt trăng lúc 12h sẽ thấy 2 mặt trăng cùng lúc, hiện tượng 1 triệu năm mới
    có một lần. NASA đã xác nhận!!! 🌕🌕

    Học sinh lớp 1 năm nay phải học thêm tiếng Trung bắt buộc theo chỉ đạo mới, sách giáo
    khoa đã in xong, phụ huynh chuẩn bị tiền mua sách nha.

    Giá xăng ngày mai tăng lên 40.000 đồng/lít, mọi người đi đổ đầy bình ngay tối nay kẻo
    thiệt!!! Tin từ nhân viên cây xăng.

    Đây là danh sách các loại nước ngọt bị nhiễm virus HIV do công nhân nhà máy trộn máu
    vào. Cấm con cái uống trong 3 tháng tới. Đã được báo đài xác nhận.

    Cứ tưởng đùa ai ngờ thật: thanh niên ở Hải Dương đào được hũ vàng 50kg dưới gốc cây
    nhãn, chính quyền đang tịch thu. Xem clip ngay trước khi bị xóa 👇👇

    Ai có nhóm máu O thì đừng ăn thịt bò, đây là nguyên nhân gây ung thư máu ở người Việt
    theo nghiên cứu mới nhất của Đại học Harvard.

    Mẹo dân gian: đặt nửa củ hành tím cạnh giường khi ngủ sẽ hút hết vi khuẩn và virus trong
    phòng, trẻ con không bao giờ bị ốm nữa.

    KINH HOÀNG: Phát hiện bánh mì ở chợ Bến Thành được làm từ bột thạch cao trộn hóa chất,
    ăn vào thận hỏng chỉ sau 6 tháng!!!

    Mng ơi quán trà sữa ở đầu ngõ bị phát hiện dùng trân châu làm từ lốp xe cao su, đã có bé
    bị ngộ độc phải cấp cứu. Đừng cho con mua nữa nha 😭😭

    Quét mã QR trong ảnh để nhận gói cứu trợ 2 triệu của Chính phủ dành cho lao động mất
    việc. Chương trình chỉ kéo dài đến hết tuần.

    Cô giáo ở trường tiểu học Tân Phú đánh học sinh gãy tay, nhà trường bao che. Mọi người
    chia sẻ mạnh để cô giáo bị đuổi việc!!!

    Bí quyết trẻ hóa của người Nhật: mỗi ngày uống 1 thìa dầu hỏa pha nước ấm để tẩy độc
    ruột, da sẽ căng mịn như tuổi 20.

    THÔNG BÁO KHẨN TỪ BỘ CÔNG AN: Tất cả người dân phải cập nhật lại thông tin căn cước
    trước ngày 15, nếu không sẽ bị khóa tài khoản ngân hàng vĩnh viễn. Nhấn vào link để cập
    nhật.

    Việt Nam sắp đổi tiền mới, tiền polymer cũ chỉ được dùng đến hết năm nay. Ai giữ nhiều
    tiền mặt lo mà đổi sang vàng và đô đi.

    Ngậm 1 lát gừng khi đi máy bay sẽ ngăn được mọi loại virus lây qua đường hô hấp, tiếp
    viên hàng không nào cũng làm vậy.

    Sự thật kinh hoàng về sữa tươi: tất cả sữa hộp trên thị trường đều được làm từ sữa bột
    pha nước và chất bảo quản, không có một giọt sữa bò nào.

    Mình thấy trên mạng bảo Trái Đất sẽ chìm trong bóng tối 6 ngày liền vào tháng 12 này,
    NASA đã thông báo rồi đó. Mọi người tích trữ nến và nước uống đi.

    Đi ngang qua đường này mà thấy có người nhờ đọc hộ địa chỉ trên tờ giấy thì tuyệt đối
    đừng cầm, giấy có tẩm thuốc mê, đã có nhiều cô gái bị bắt cóc. Share để bảo vệ chị em!!!

    Ăn thanh long ruột đỏ xong đi tiểu ra màu đỏ là dấu hiệu thanh long bị tiêm thuốc nhuộm,
    đã có người bị suy thận. Cẩn thận nha cả nhà.

    Không cần đi bệnh viện nữa: đắp lá trầu không giã nhỏ lên vết bỏng độ 3 sẽ lành trong 2
    ngày mà không để lại sẹo.

    Ông bà ta nói cấm có sai, cứ ăn cháo hành nóng là khỏi COVID, không cần thuốc men gì cả,
    uống thuốc chỉ hại gan.

    Hot hot: Shopee tặng voucher 1 triệu cho 1000 người đầu tiên điền thông tin tài khoản
    ngân hàng tại link dưới đây. Nhanh tay kẻo hết 🔥🔥🔥

    Trung Quốc đã chặn dòng sông Mê Kông vĩnh viễn, từ năm sau miền Tây sẽ không còn nước
    ngọt, toàn bộ lúa chết hết. Đây là sự thật mà báo chí không nói.

    Chồng chị hàng xóm làm ở sân bay kể: máy bay rải hóa chất vào ban đêm để kiểm soát dân
    số, nên dạo này ai cũng hay mệt mỏi và mất ngủ.

    Thanh niên uống 5 lon nước tăng lực liền một lúc rồi đột tử, bác sĩ kết luận do nước
    tăng lực có chứa cocaine. Share cho con em mình biết!!!

    Dán băng keo lên camera điện thoại vì nhà mạng đang bí mật chụp ảnh người dùng, tin từ
    kỹ sư Viettel vừa nghỉ việc.

    Sáng nay nghe hàng xóm nói trường cấp 2 gần nhà có học sinh bị sởi chết, cả trường cho
    nghỉ. Ai có con học ở đó cho nghỉ ngay đi, đừng tin nhà trường.

    HOT!!! Vé máy bay Hà Nội - Đà Nẵng chỉ 0 đồng, không thuế phí, dành cho 500 người đăng
    ký đầu tiên qua trang dưới đây. Vietnam Airlines tri ân sinh nhật.

    Sự thật về vắc xin sởi: tiêm vào gây tự kỷ ở trẻ nhỏ, nhiều nước châu Âu đã cấm rồi mà
    Việt Nam vẫn tiêm cho con mình. Phụ huynh tỉnh lại đi!!!

    Bão số 5 đang tiến vào Hà Nội với sức gió cấp 17, mạnh nhất trong 100 năm qua, chính phủ
    chuẩn bị sơ tán toàn bộ thủ đô. Ai có người thân ở HN gọi điện báo ngay.

    Nhà nước chuẩn bị cấm bán xe máy xăng trên toàn quốc từ tháng 7 năm nay, ai có xe cũ bán
    ngay đi trước khi mất giá về 0.

    Chữa tiểu đường dứt điểm trong 30 ngày bằng trà lá sen kết hợp quả mướp đắng phơi khô,
    đã có hơn 10.000 người khỏi bệnh. Liên hệ đặt hàng qua Zalo.

    Trứng gà Trung Quốc làm bằng nhựa đang được bán tràn lan ở các chợ, đập ra để lâu không
    hỏng, cho vào chảo thì cháy như cao su. Cảnh giác!!!

    Đang hot: MC truyền hình nổi tiếng bị bắt vì buôn ma túy, VTV đã cắt hết chương trình
    của anh ta. Link clip ở bình luận đầu tiên.

    Bạn đã được chọn nhận thưởng 10 triệu từ chương trình "Tri ân khách hàng thân thiết" của
    nhà mạng. Soạn tin theo cú pháp và gửi mã OTP cho tổng đài viên để nhận thưởng.

    Không khí lạnh năm nay sẽ làm nhiệt độ Hà Nội xuống âm 5 độ, tuyết sẽ rơi khắp nội
    thành. Các bố mẹ sắm áo lông gấp nha!!!

    Trẻ em bị sốt chỉ cần lấy trứng gà luộc chín lăn khắp người là hết sốt ngay, đừng cho
    con uống thuốc hạ sốt vì hại gan thận.

    Mỗi ngày uống 2 lít nước ép cần tây thì tế bào ung thư sẽ chết đói trong 1 tháng, nhiều
    người bị ung thư giai đoạn cuối đã khỏi nhờ cách này.

    Ai xài mạng Viettel chú ý: nếu có số lạ gọi đến bắt đầu bằng +375 thì đừng nghe máy, chỉ
    cần bấm nghe là điện thoại bị hack và mất hết tiền trong tài khoản.

    Nghe đồn cô hoa hậu mới đăng quang đã mua giải với giá 10 tỷ, ban giám khảo đều nhận
    phong bì. Sự thật đằng sau vương miện!!!

    Lương giáo viên từ tháng tới tăng gấp 3 lần theo quyết định mới ký của Thủ tướng, ai làm
    giáo viên chuẩn bị nhận tiền truy lĩnh nhé.

    Bác sĩ Mỹ khuyên: uống 1 cốc nước ấm pha giấm táo và baking soda trước khi ngủ sẽ tiêu
    diệt tận gốc virus cúm trong 1 đêm.

    Thông báo: Tất cả tài khoản Zalo không hoạt động trong 7 ngày sẽ bị xóa vĩnh viễn. Hãy
    gửi tin nhắn này cho 20 người bạn để tài khoản được giữ lại.

    Có ai biết gì không, nghe bảo ở chợ đầu mối Long Biên bắt được cá heo trong sông Hồng,
    dân đang xẻ thịt bán 500k/kg. Xem mà sợ quá.

    Toi nay xe tang cua bao hang tram nguoi chet vi dich benh da chay qua cau Chuong Duong,
    chinh quyen dang giau so nguoi chet that. Share cho moi nguoi biet su that!!!

    Mua ve concert gia goc 500k, cam ket ve that, chuyen khoan truoc 50% giu cho, con 3 ve
    cuoi. Ib minh ngay nhe.

    Khong can an kieng, khong can tap the duc, chi can uong 1 goi tra giam can nay moi sang
    la giam 10kg trong 7 ngay, cam ket hoan tien.

    Uong nuoc tieu cua chinh minh moi sang giup tri bach benh, nguoi Tay Tang song tho 100
    tuoi la nho bi quyet nay.

    Nhan dip sinh nhat, Honda tang 100 xe Vision cho khach hang may man, chi can share bai
    va comment "da share" la co co hoi nhan xe!!!

    Tin nong: tu 1/8 nguoi di bo qua duong khong dung vach se bi phat 3 trieu, CSGT da bat
    dau lap chot. Canh bao cho ca nha nhe.

    ae oi tin chuẩn nè: tuần sau ngân hàng đóng băng hết tài khoản dưới 10tr để kiểm tra,
    rút tiền gấp đi ko là mất 😱😱

    mk ns thật chứ uống nước vo gạo mỗi ngày là da trắng, khỏi cả nám với tàn nhang lun, bác
    sĩ da liễu cx công nhận r đó mn

    nghe ns mai cả tp cắt điện 3 ngày liền để sửa lưới điện, ae sạc hết đồ đi nha, tin từ
    người nhà làm bên điện lực đó

    k tin thì thôi chứ hôm qua bạn mk đi khám bảo bị ung thư vì dùng nồi chống dính, mn vứt
    hết nồi đi ko là hối ko kịp

    CHẤN ĐỘNG!!! Cầu Rồng Đà Nẵng sắp sập vì nứt trụ, chính quyền giấu nhẹm thông tin. Mọi
    người hạn chế đi qua cầu!!!

    Hãy gửi tin nhắn này cho tất cả bạn bè trong danh bạ: Nếu có người tên "Mai Anh" kết bạn
    với bạn thì đừng chấp nhận, đó là hacker, chấp nhận là mất hết tài khoản.

    Nhà mình ai bị đau khớp thì lấy lá lốt nướng lên đắp vào, 3 ngày là khỏi hẳn, không bao
    giờ tái phát. Thuốc tây chỉ là lừa đảo.

    Thông tin nội bộ: kỳ thi tốt nghiệp năm nay sẽ bỏ môn Văn, chỉ thi Toán và Anh. Bộ sẽ
    công bố vào tuần sau, ai biết thì chuẩn bị trước.

    Ăn cá rô phi là ăn chất độc vì loài cá này được nuôi bằng phân và thức ăn tăng trọng, ăn
    vào sẽ bị ung thư máu. Tránh xa ngay!!!

    Ai đang xài iPhone thì cập nhật iOS mới sẽ bị nổ pin, Apple đã thừa nhận lỗi nhưng không
    thu hồi. Đừng cập nhật!!!

    Người mẫu nổi tiếng đã ly hôn chồng đại gia vì bị bạo hành, clip nóng đang được chia sẻ
    ở link dưới đây, xem nhanh kẻo bị xóa.

    Đây là hình ảnh đàn cá mập xuất hiện ở bãi biển Mỹ Khê sáng nay, du khách đang hoảng
    loạn. Đừng xuống biển Đà Nẵng trong tuần này!!!

    Tập đoàn điện lực gửi thông báo: hộ dân nào chưa đóng tiền điện tháng này sẽ bị cắt điện
    lúc 17h hôm nay. Vui lòng chuyển khoản theo số tài khoản bên dưới để tránh bị cắt.

    Giải cứu nông sản: mua 1 thùng xoài chỉ 50k/10kg, ship tận nhà toàn quốc, chuyển khoản
    trước 100% để giữ hàng. Hàng có hạn!!!

    Từ năm nay học sinh không cần thi vào lớp 10 nữa, các trường xét tuyển thẳng hết, Bộ đã
    duyệt. Phụ huynh khỏi cho con đi học thêm nhé.

    Mình là y tá làm ở bệnh viện tuyến trung ương hơn 10 năm, hôm nay mình quyết định nói ra
    sự thật dù có thể bị đuổi việc. Tất cả các ca tử vong gần đây đều do tiêm vắc xin chứ
    không phải do bệnh như báo chí đưa tin. Cấp trên bắt chúng mình ghi nguyên nhân khác để
    che giấu. Vắc xin có chứa kim loại nặng tích tụ trong tim, 2 năm sau mới phát tác. Ai đã
    tiêm thì uống nước lá tía tô với gừng mỗi ngày để đào thải. Hãy chia sẻ trước khi bài
    này bị gỡ, mình không biết còn an toàn được bao lâu nữa.

    KHẨN CẤP!!! THÔNG BÁO TỪ BỘ Y TẾ: Từ ngày 1/10 tất cả người dân đi ra đường không đeo
    khẩu trang sẽ bị phạt 10 triệu đồng và tạm giữ 15 ngày. Lực lượng chức năng sẽ tuần tra
    24/24 trên tất cả các tuyến phố. Đây là quy định mới nhất nhằm ngăn chặn dịch bệnh đang
    lây lan rất nhanh ở các tỉnh phía Bắc. Hãy chia sẻ cho người thân, bạn bè để không ai bị
    phạt oan!!!

    Theo một nghiên cứu ít được biết đến, nước máy ở các thành phố lớn đều có pha fluoride
    với nồng độ cao nhằm làm giảm trí thông minh của người dân, khiến họ dễ bảo hơn. Đó là
    lý do các gia đình giàu có chỉ dùng nước suối nhập khẩu. Hãy tự bảo vệ gia đình bằng
    cách đun sôi nước ba lần và để lắng qua đêm trước khi uống.

    Chị em nào có con nhỏ đọc ngay!!! Hôm qua ở khu công nghiệp có một chị công nhân đi làm
    về bị một người phụ nữ bế con đến xin đi nhờ, sau đó bị xịt thuốc mê vào mặt và tỉnh dậy
    ở bên kia biên giới. Bọn chúng hoạt động theo đường dây, chuyên nhắm vào phụ nữ đi một
    mình buổi tối. Công an đã biết nhưng chưa bắt được. Share cho tất cả chị em cẩn thận,
    đừng cho ai đi nhờ xe!!!

    Gần đây mình tình cờ đọc được tài liệu nội bộ cho thấy chính phủ sẽ thu hồi toàn bộ vàng
    của người dân vào năm sau với giá rẻ. Người nắm giữ vàng trên 5 chỉ sẽ phải khai báo,
    không khai báo bị tịch thu. Mình không chắc chắn 100% nhưng nguồn tin rất đáng tin cậy,
    mọi người nên cân nhắc bán vàng sớm.

    Theo thông tin tôi nhận được từ một người quen làm ở Sở, năm học tới các trường công lập
    sẽ thu thêm khoản phí cơ sở vật chất 5 triệu mỗi học sinh, bắt buộc nộp trước ngày khai
    giảng. Văn bản sắp được ban hành. Phụ huynh nên chuẩn bị trước.

    Tôi không muốn gây hoang mang nhưng có lẽ mọi người nên biết: loại muối i-ốt đang bán
    trên thị trường đã bị trộn với hóa chất làm trắng công nghiệp. Tôi đã tự thử bằng cách
    nhỏ giấm vào và thấy sủi bọt. Gia đình tôi đã chuyển sang dùng muối hột tự phơi.

    Có một thực tế ít người để ý: các bệnh viện lớn ở nước ta đều nhận tiền hoa hồng từ các
    công ty dược để kê thuốc ung thư cho cả những người không bị ung thư. Nếu được chẩn đoán
    ung thư, bạn nên thử điều trị bằng thảo dược ở nhà trước khi quyết định hóa trị.

    Nhiều người vẫn chưa biết rằng ăn chay trường trong 40 ngày có thể đảo ngược hoàn toàn
    bệnh tiểu đường type 1. Một thầy lang ở Tây Ninh đã chữa khỏi cho hàng nghìn bệnh nhân
    mà không cần insulin. Y học hiện đại cố tình lờ đi điều này.

    Mình xin phép chia sẻ một kinh nghiệm: khi trẻ bị co giật do sốt cao, hãy cạy miệng cho
    trẻ ngậm một chiếc đũa và vắt chanh vào miệng, trẻ sẽ tỉnh ngay. Ông bà ta vẫn làm vậy
    từ xưa và rất hiệu quả.

    Theo một số chuyên gia độc lập, trận lũ năm nay không phải do mưa lớn mà do các nhà máy
    thủy điện xả lũ cùng lúc để bảo vệ đập mà không báo trước. Số người chết thực tế cao gấp
    10 lần số liệu công bố.

    Thông báo từ ban quản lý tòa nhà: theo quy định mới của thành phố, mỗi căn hộ phải đóng
    2 triệu đồng để nâng cấp hệ thống phòng cháy, nếu không sẽ bị cắt điện nước. Chuyển
    khoản vào số tài khoản cá nhân của trưởng ban trước ngày 20.

    Trong cơm nguội có chứa một loại vi khuẩn sinh độc tố, ăn cơm để qua đêm dù đã hâm nóng
    vẫn có thể gây ung thư gan. Các bà nội trợ tuyệt đối không nấu dư cơm.

    Tôi tin rằng việc con người lên Mặt Trăng năm 1969 là dàn dựng trong trường quay. Bóng
    đổ trong ảnh không cùng hướng và lá cờ thì bay phấp phới dù không có gió.

    Người ta phát hiện ra rằng đeo vòng đồng ở cổ tay có thể điều hòa huyết áp và chữa đau
    khớp nhờ từ trường tự nhiên. Nhiều bác sĩ đã âm thầm sử dụng nhưng không dám công khai.

    Mấy hôm nay tôi nghe nói dự án đường sắt tốc độ cao đã bị hủy vì hết tiền, toàn bộ vốn
    bị rút sang nước ngoài. Không biết thật hư thế nào nhưng nhiều người trong ngành đều nói
    vậy.

    Bạn tôi làm ở ngân hàng kể rằng từ đầu năm sau các tài khoản tiết kiệm trên 1 tỷ sẽ bị
    đánh thuế 10% mỗi năm. Ai có tiền gửi thì rút ra mua đất đi.

    Đừng nên ăn dưa hấu vào buổi tối, dưa hấu chứa chất kích thích được tiêm vào để quả đỏ,
    ăn tối sẽ tích tụ trong thận gây sỏi.

    Việc chích máu đầu ngón tay khi có người bị đột quỵ sẽ giúp máu lưu thông và cứu được
    người bệnh. Đây là phương pháp của một giáo sư Trung Quốc, hãy ghi nhớ để cứu người.

    Ai đi khám sức khỏe định kỳ thì nên biết: máy chụp CT phát ra tia phóng xạ đủ để gây ung
    thư sau 1 lần chụp. Tốt nhất đừng chụp bất cứ thứ gì.

    Nguồn tin riêng cho biết cầu thủ đội tuyển đã bán độ trận thua vừa rồi với giá 2 tỷ,
    liên đoàn đang điều tra nhưng sẽ ỉm đi. Thảo nào đá như người mất hồn.

    🔥🔥 TIN SỐC: Bộ Giáo dục chính thức bỏ kỳ thi tốt nghiệp THPT từ năm sau, học sinh chỉ
    cần có học bạ là được tốt nghiệp. Các em 2k8 thở phào đi!!! 🔥🔥

    ‼️‼️ CẢNH BÁO: từ 20h tối nay đến 6h sáng mai, Trạm vũ trụ quốc tế sẽ phát tia bức xạ
    qua Việt Nam. Tắt điện thoại, tránh xa cửa sổ để không bị ảnh hưởng!!!

    😱😱 Xôi nhuộm màu ở các gánh hàng rong đều dùng phẩm màu công nghiệp có chì, trẻ ăn vào
    chậm phát triển trí não. Ai có con nhỏ đọc ngay!!!

    🎁 QUÀ TẶNG TRI ÂN: Tặng ngay 1 chỉ vàng SJC cho 200 khách hàng đầu tiên điền form đăng
    ký. Chỉ cần cung cấp số tài khoản và mã OTP để xác thực danh tính 🎁

    🚨🚨 Phát hiện kim tiêm chứa HIV được cắm ngược trên ghế rạp chiếu phim, đã có 3 người bị
    nhiễm. Trước khi ngồi hãy kiểm tra ghế thật kỹ!!! 🚨🚨

    💥 Tuyển cộng tác viên làm việc tại nhà, chỉ cần điện thoại, mỗi ngày 1-2 tiếng thu nhập
    500k-1tr, không cần kinh nghiệm, không cọc. Nhận việc qua Telegram 💥

    BẠN ĐÃ TRÚNG THƯỞNG!!! Số điện thoại của bạn được chọn ngẫu nhiên nhận 50 triệu đồng từ
    chương trình tri ân. Gọi ngay tổng đài để nhận giải, phí xử lý chỉ 500.000đ.

    Nhà nước sắp thu tiền trợ cấp xã hội đã phát cho người nghèo trong 5 năm qua vì phát
    nhầm, ai đã nhận phải hoàn trả trước cuối năm. Ai có bố mẹ già thì chú ý nha.

    hnay bạn mk làm bên bv kể là có 3 ca tử vong do ăn phải rau muống trồng ở ao nước thải,
    rau ngoài chợ đều tẩm thuốc hết đó mn đừng ăn nữa 😭

    tin chuẩn 100% nha ae: từ tuần sau cấm xe số chạy trên đường vành đai, ai đi vào bị phạt
    4tr, mình có anh làm csgt nói r

    ae có ai nhận đc tin nhắn này chưa: "tài khoản của bạn đang bị khóa do vi phạm, vui lòng
    đăng nhập tại đường link để mở khóa". mk bấm vô r, nó bảo nhập otp để xác minh, chắc là
    thật đó

    trời ơi mn ơi ăn sầu riêng xong uống bia là chết ngay tại chỗ đó, ở quê mk có ông chú bị
    rồi, share cho ae biết đi nha 😢😢

    ko đùa đâu mn, hồ Gươm tối qua có rùa khổng lồ nổi lên, người ta bảo là điềm báo thiên
    tai lớn sắp xảy ra, ai ở HN cẩn thận nha 🙏🙏

    nghe ns sắp tới cấm nuôi chó mèo trong thành phố, con nào nuôi mà ko đăng ký bị bắt đi
    tiêu hủy hết, ai nuôi thì đem về quê gấp đi 😭

    Khong ai noi cho ban biet dieu nay: benh vien dang ban noi tang cua benh nhan da qua doi
    cho nuoc ngoai, gia dinh hoan toan khong biet. Share de canh tinh moi nguoi!!!

    Tang 100 the cao 500k cho ban nao comment va tag 3 nguoi ban, ket qua quay so toi nay
    luc 21h, nhan the qua tin nhan rieng nhe!!!

    Canh bao tu cong an: tu ngay mai nguoi nao dang bai chi trich chinh quyen se bi phat 50
    trieu va khoa tai khoan mang xa hoi vinh vien. Can than khi share bai nhe ae.

    Nuoc chanh am pha voi mat ong uong luc 5h sang se lam sach dong mach va chua khoi benh
    tim mach ma khong can dat stent, bac si tim mach cung phai cong nhan.

    Bao tin dong troi: nui lua o Lam Dong sap phun trao, cac nha khoa hoc da canh bao nhung
    chinh quyen van im lang. Chia se ngay cho nguoi than o Da Lat!!!

    Nghe noi nha nuoc sap bat moi ho gia dinh lap dong ho do nuoc thong minh gia 3 trieu,
    nguoi dan tu bo tien, ai khong lap bi cat nuoc.

    Thông tin nóng hổi: Một nhà khoa học Việt kiều đã chế tạo thành công động cơ chạy bằng
    nước lã, mỗi lít nước đi được 100 km, nhưng các tập đoàn dầu khí đã mua lại bằng sáng
    chế để dìm đi.

    Bóc trần sự thật: lịch sử mà chúng ta được học đã bị sửa đổi hoàn toàn, các kim tự tháp
    thực ra do người ngoài hành tinh xây dựng và chính phủ các nước đều biết điều này.

    Đắp mặt nạ bằng kem đánh răng qua đêm giúp trị mụn dứt điểm và trắng da cấp tốc, các hot
    girl Hàn Quốc đều làm thế. Thử ngay tối nay!!!

    Chứng khoán sắp sập 50% vào tuần sau theo nguồn tin nội bộ từ một quỹ đầu tư lớn, ai
    đang cầm cổ phiếu bán hết ngay đi trước khi quá muộn!!!

    Cực sốc: phát hiện cá ngừ đóng hộp chứa giun sán sống, nhiều người ăn phải phải nhập
    viện cấp cứu, nhãn hàng này đang bán ở tất cả các siêu thị!!!

    Cho con uống nước ngâm hạt gấc mỗi ngày, trẻ tự kỷ sẽ hết bệnh sau 3 tháng và nói chuyện
    bình thường, bác sĩ nhi không bao giờ nói cho bạn điều này.

    Thông báo khẩn của Công an phường: ai nhận được cuộc gọi từ số lạ thì phải đọc số căn
    cước để xác minh, nếu không đọc sẽ bị khóa sim trong 24 giờ.

    Giới khoa học đã chứng minh ngủ quay đầu về hướng Bắc làm máu chảy ngược lên não gây đột
    quỵ. Nhà ai đang kê giường như vậy thì đổi ngay hôm nay.

    Sự thật phía sau mưa axit: mưa đầu mùa năm nay chứa phóng xạ từ nhà máy hạt nhân nước
    ngoài, ai bị dính mưa phải tắm lại bằng nước muối ngay.

    Sáng nay có hai xe container chở xác người đi qua cửa khẩu, tài xế nói đó là người chết
    do dịch mà bên kia giấu. Cả làng mình đang xôn xao.

    Anh em nào đang chơi coin thì vào nhóm này, admin có nguồn tin nội bộ từ sàn, cam kết
    lợi nhuận 30% mỗi ngày, mất tiền hoàn 100%. Link nhóm ở phần bình luận.

    Bà bầu ăn cua sẽ sinh con ngang, ăn ốc con hay chảy dãi, ăn rau răm bị sảy thai. Các mẹ
    nhớ kiêng kỹ để con khỏe mạnh!!!

    Thông báo của Bộ Tài chính: mỗi người dân sẽ được nhận 2 triệu đồng tiền hoàn thuế năm
    nay, nhận qua ứng dụng dưới đây, hạn chót là chủ nhật này.

    Chỉ một ly nước ép khổ qua mỗi sáng, đường huyết từ 15 về 5 sau 7 ngày, bỏ hẳn thuốc
    tiểu đường. Hơn 50.000 người đã áp dụng thành công!!!

    Bức ảnh này chứng minh hồ Hoàn Kiếm đang bị san lấp bí mật để xây trung tâm thương mại,
    người dân Hà Nội hãy lên tiếng trước khi quá muộn!!!

    Nếu thấy tin nhắn này trên Messenger thì đừng mở video, đó là virus đánh cắp tài khoản
    ngân hàng, Bộ Công an vừa cảnh báo. Chuyển tiếp cho 10 người ngay để mọi người cùng
    biết.

    Gửi 10 người bạn bài cầu nguyện này trong vòng 1 giờ, bạn sẽ gặp may mắn lớn trong 7
    ngày tới. Một người phụ nữ ở Cần Thơ đã bỏ qua và gặp tai nạn ngay hôm sau.

    Phát hiện mới: điện thoại để cạnh gối khi ngủ phát sóng gây ung thư não cho 1 trong 3
    người sau 5 năm, Tổ chức Y tế thế giới đã xác nhận.

    Mấy cái hộp xốp đựng cơm ở quán khi gặp nhiệt sẽ tiết ra chất gây vô sinh, người Hàn
    Quốc đã cấm từ lâu. Cả nhà đừng dùng nữa!!!

    Siêu thị đang cho lấy miễn phí 1 thùng sữa cho mỗi gia đình nhân dịp khai trương, chỉ
    cần xuất trình tin nhắn này tại quầy thu ngân. Nhanh tay lên mọi người ơi!!!

    Ông giám đốc Sở Giáo dục vừa bị bắt vì nhận hối lộ 200 tỷ từ các nhà xuất bản sách giáo
    khoa, báo chính thống chưa đưa tin nhưng mọi người trong ngành đều biết.

    Chỉ có 1% dân số biết mẹo này: ấn vào huyệt giữa hai lông mày trong 30 giây sẽ hết cận
    thị vĩnh viễn mà không cần đeo kính hay mổ mắt.

    Tỷ phú nổi tiếng vừa tuyên bố tặng 1 triệu đô cho người Việt Nam bất kỳ, chỉ cần chia sẻ
    bài viết này và bình luận "Tôi nhận". Đã có người nhận được rồi!!!

    Nhà khoa học Nga khẳng định Trái Đất sẽ va chạm với một thiên thạch khổng lồ vào năm sau
    và các chính phủ đang bí mật xây hầm trú ẩn cho giới thượng lưu.

    Tin chính xác từ người làm trong ngành: từ tháng sau xăng E5 sẽ bị cấm bán vì làm hỏng
    động cơ xe máy, tất cả cây xăng chuyển sang bán xăng nhập khẩu giá gấp đôi.

    CẤP BÁCH!!! Sạt lở lớn đã vùi lấp toàn bộ một thị trấn ở Quảng Nam với hàng nghìn người
    mất tích, truyền hình không đưa tin vì sợ hoảng loạn. Chia sẻ để cả nước biết!!!

    Mẹo hay: muốn biết mật ong thật hay giả thì cho vào tủ lạnh, mật ong thật không bao giờ
    đông đặc. Mật ong ở siêu thị 100% là giả, chỉ có mật ong bên mình là thật. Liên hệ đặt
    hàng.

    Có thông tin nội bộ rằng từ tháng sau tất cả thẻ ATM từ sẽ ngừng hoạt động và tiền trong
    thẻ sẽ bị đóng băng nếu không đổi sang thẻ chip tại quầy với phí 500 nghìn.

    Chúng ta đang bị đầu độc mỗi ngày: bột ngọt (mì chính) là chất độc thần kinh gây teo
    não, ung thư và vô sinh. Nhật Bản đã cấm bột ngọt từ lâu rồi.

    Ai ở Sài Gòn chú ý: đêm nay nước biển dâng cao 3 mét do siêu triều cường, toàn bộ quận
    7, Nhà Bè, Bình Chánh sẽ chìm trong nước. Di chuyển lên tầng cao ngay!!!

    Ngân hàng nhà nước vừa ra quyết định hạn chế mỗi người chỉ được rút tối đa 5 triệu mỗi
    ngày để chống khủng hoảng, ai có tiền trong tài khoản rút gấp.

    Học sinh ở một trường tiểu học bị ép uống nước lạ trong giờ ra chơi và ngất xỉu hàng
    loạt, nghi là có người bỏ thuốc. Nhà trường đang giấu không cho phụ huynh biết.

    Xin các bạn giúp đỡ: con tôi bị bệnh tim bẩm sinh cần mổ gấp, bệnh viện đòi 500 triệu.
    Ai thương xin chuyển khoản vào số tài khoản cá nhân bên dưới, mỗi người một ít. Bài viết
    được xác nhận bởi nhà chùa.

    Cục Thuế thông báo: Người dân chưa cài ứng dụng thuế mới sẽ bị phạt 2 triệu đồng. Tải
    ứng dụng theo đường link trong tin nhắn để được hướng dẫn miễn phí.

    Cam kết khỏi 100% bệnh gút chỉ sau 1 liệu trình rượu ngâm rắn hổ mang và 7 loại thảo
    dược quý, không khỏi hoàn tiền gấp đôi. Hàng có sẵn, gọi ngay.

    Dân mạng truyền tai nhau: ăn trứng vịt lộn với rau răm mỗi tối giúp tăng chiều cao thêm
    10 cm cho người đã qua tuổi dậy thì.

    Mình vừa đọc được một tài liệu rất thuyết phục cho thấy biến đổi khí hậu là trò lừa để
    các nước giàu bán công nghệ, nhiệt độ Trái Đất không hề tăng.

    Hé lộ bí mật: uống 1 cốc nước muối biển mỗi sáng giúp kiềm hóa cơ thể, tế bào ung thư
    không thể sống trong môi trường kiềm. Đây là lý do người dân làng chài không ai bị ung
    thư.

    Các bạn cẩn thận, hiện nay có đường dây bắt cóc dùng khăn tẩm thuốc mê phát tờ rơi quảng
    cáo trước cổng chợ, chỉ cần ngửi là bất tỉnh. Mẹ bạn mình suýt bị rồi. Share gấp!!!

    Chính thức: Nhà nước miễn 100% học phí đại học cho tất cả sinh viên từ năm học này, ai
    đã đóng sẽ được trả lại tiền. Làm đơn tại link để nhận lại học phí.

    Thuốc nhỏ mắt có thể dùng để say mà không bị phát hiện, giới trẻ đang dùng thay rượu.
    Các bố mẹ để ý con nhé, chuyện này báo chí chưa đưa.

    Tin hot hòn họt: Một nam diễn viên hạng A bị phát hiện có con riêng với người mẫu, vợ
    anh đã nộp đơn ly hôn. Chi tiết xem ở link, bài sẽ bị xóa sau 1 giờ!!!

    Bóc phốt hãng xe máy: toàn bộ xe đời mới đều lắp thiết bị định vị để nhà nước theo dõi
    người dân, tháo ra thì mới an toàn.

    Ai cần làm bằng lái xe không cần thi, có hồ sơ gốc, tra cứu được trên mạng, nhận bằng
    trong 7 ngày. Liên hệ Zalo anh Tuấn. Giá rẻ nhất thị trường.

    Ăn 7 quả chà là mỗi sáng trong 30 ngày là tống hết độc tố trong gan, ngay cả gan nhiễm
    mỡ độ 3 cũng về bình thường mà không cần uống thuốc.

    Từ nay, ai mua sim mới đều phải nộp phí 1 triệu đồng để xác thực sinh trắc học, nếu
    không sẽ bị thu hồi số. Nhà mạng vừa thông báo trong nội bộ.

    Tin đồn lan khắp khu phố: bãi rác mới sẽ được xây ngay cạnh trường học, nước thải chảy
    vào giếng của dân. Chưa thấy ai xác nhận nhưng ai cũng lo nên mình đăng lên cho mọi
    người cùng biết.

    Người ta đồn rằng sau đợt mưa vừa rồi, nước sông ở khu vực thượng nguồn bị nhiễm một
    loại vi khuẩn ăn thịt người. Cả xóm không ai dám tắm sông nữa.

    Chuyên gia phong thủy cảnh báo: năm nay những người sinh năm Dần nếu không mua vòng tay
    đá thạch anh trấn trạch sẽ gặp hạn lớn. Đặt vòng chính hãng với giá ưu đãi 1.990.000đ.

    Đây là lý do người dân vùng cao không bị cao huyết áp: họ uống nước lá chè vằng thay
    nước lọc. Uống đều 1 tháng là bỏ được thuốc huyết áp suốt đời.

    Thảm họa!!! Công ty nước sạch vừa xả nhầm hóa chất vào hệ thống, ai uống nước máy trong
    2 ngày qua cần đi xét nghiệm gấp. Tin từ nhân viên nhà máy, báo chưa đăng.

    👉👉 Link nhận 300k tiền mừng tuổi từ Momo, chỉ cần đăng nhập bằng số điện thoại và mật
    khẩu ví. Đã có 50.000 người nhận rồi, nhanh tay kẻo hết!!!

    Dân mình khổ quá rồi: nghe nói từ tháng tới lương hưu sẽ bị cắt 30% để bù ngân sách, ai
    đã nghỉ hưu đành chịu thôi. Chính phủ chưa công bố nhưng sắp có văn bản.

    XÁC NHẬN: Thành phố sẽ phun thuốc diệt muỗi bằng máy bay vào đêm nay, mọi người đóng kín
    cửa, không phơi quần áo và không ra ngoài từ 22h đến 4h sáng.

    Cái này mình tin là thật vì nhiều người nói quá: cả làng bên ăn cá chết trôi dạt vào bờ,
    giờ bị nhiễm độc hết, bệnh viện huyện không còn chỗ. Mà báo không thấy đăng gì.

    Đội tuyển Việt Nam sắp bị FIFA cấm thi đấu quốc tế 5 năm vì nợ tiền phí, liên đoàn đang
    giấu. Nguồn tin đáng tin cậy từ một nhà báo thể thao giấu tên.

    Quét mã QR trên hóa đơn điện tháng này để được giảm 50% tiền điện theo chương trình hỗ
    trợ của Chính phủ. Chỉ áp dụng cho người quét trước ngày 15!!!

    Ăn sáng bằng bánh mì và cà phê là con đường ngắn nhất dẫn đến ung thư dạ dày, 90% bệnh
    nhân ung thư ở Việt Nam có thói quen này.

    Thông báo tuyển dụng gấp 200 lao động đi Hàn Quốc không cần tiếng, không cần bằng cấp,
    lương 60 triệu/tháng, chỉ cần đóng trước phí hồ sơ 15 triệu. Bay trong tháng!!!

    Một thầy bói nổi tiếng đã tiên tri chính xác ngày xảy ra trận lụt lớn tiếp theo ở miền
    Trung, chính quyền đã mời ông lên làm việc. Ngày đó là 15 tháng sau, bà con chuẩn bị.

    Nghiên cứu mới của người Đức: trẻ em uống sữa công thức sẽ có chỉ số IQ thấp hơn 30 điểm
    so với trẻ bú mẹ, các hãng sữa đã trả tiền để nghiên cứu này không được công bố.

    Bạn nào có xe ô tô chú ý: để chai nước suối trong xe dưới trời nắng sẽ hội tụ ánh sáng
    như kính lúp và làm cháy xe chỉ sau 10 phút, đã có hàng trăm vụ cháy xe vì lý do này.

    Cảnh báo: một loại kẹo hình quả dâu có chứa ma túy đang được phát miễn phí cho học sinh
    trước cổng các trường tiểu học ở Hà Nội, đã có nhiều em bị nghiện. Nhà trường và công an
    đang im lặng.

    Tất cả mọi thứ bạn biết về bệnh tiểu đường đều sai: đường không gây tiểu đường, chính
    insulin mới là thứ gây bệnh. Ngừng tiêm insulin và áp dụng chế độ ăn của chúng tôi để
    khỏi bệnh.

    Lời kể của một người trong cuộc: đề thi tốt nghiệp năm nay đã bị lộ từ một tuần trước,
    ai cần đề môn Toán có đáp án liên hệ mình, giá 2 triệu, cam kết đúng 100%.

    Cúng rằm tháng 7 mà không đốt vàng mã đủ 7 lớp thì tổ tiên sẽ trách phạt, cả năm làm ăn
    thua lỗ. Có người không tin đã bị phá sản ngay trong năm.

    Chính phủ đang bí mật cho thử nghiệm thuốc mới lên người dân qua muối i-ốt phát cho hộ
    nghèo, tôi có bằng chứng nhưng không thể công khai vì sợ bị trả thù.

    Các bạn ơi, mình không phải chuyên gia nhưng mình đã tìm hiểu rất kỹ vấn đề này suốt 3
    năm. Tất cả các loại dầu ăn công nghiệp bán trong siêu thị đều được chiết xuất bằng
    xăng, sau đó tẩy màu, khử mùi bằng hóa chất nên còn tồn dư chất gây ung thư. Đó là lý do
    tỷ lệ ung thư ở Việt Nam tăng vọt trong 20 năm qua, đúng bằng thời gian dầu ăn công
    nghiệp phổ biến. Các hãng dầu ăn chi rất nhiều tiền quảng cáo nên báo chí không bao giờ
    đụng đến. Gia đình mình đã chuyển sang dùng mỡ lợn tự rán 100% và ai cũng khỏe hẳn ra.
    Hãy chia sẻ cho những người bạn thương yêu.

    THÔNG BÁO KHẨN!!! Vừa nhận được tin từ một người bạn làm ở Trung tâm dự báo: siêu bão
    cấp 18 sẽ đổ bộ vào miền Trung trong 48 giờ tới, mạnh hơn tất cả các cơn bão trong lịch
    sử, sóng cao 15 mét và gió có thể thổi bay cả nhà bê tông. Chính quyền chưa công bố vì
    sợ người dân hoảng loạn, chỉ đang âm thầm sơ tán gia đình cán bộ. Ai có người thân ở
    Quảng Trị, Huế, Đà Nẵng, Quảng Nam hãy gọi điện bảo họ di chuyển ra Bắc hoặc vào Nam
    ngay lập tức. Đừng chờ tin chính thức, lúc đó sẽ là quá muộn!!! SHARE NGAY!!!

    mn ơi cho mk hỏi có ai bị giống nhà mk ko 😭 hôm qua có ng gọi bảo là bên điện lực, nhà
    mk nợ tiền điện 3 tháng nên phải ck ngay 2tr vô số tk của họ ko thì 5h chiều cắt điện.
    mk sợ quá nên ck r, xong tối họ lại gọi bảo ck nhầm phải ck thêm 5tr để hoàn lại. ck
    xong thì mất liên lạc lun. nhưng mà mk vẫn nghĩ chắc là bên điện lực thật vì họ đọc đúng
    tên với địa chỉ nhà mk, chắc do hệ thống lỗi thôi, ai biết số tổng đài để đòi lại tiền
    ko ạ. Mà nghe ns nhà nào cũng bị thu thêm phí này hết á.

    Bài viết này có thể cứu sống bạn: Khi bị đau tim một mình, hãy ho thật mạnh và liên tục
    mỗi 2 giây, hít sâu trước mỗi lần ho. Việc ho mạnh sẽ ép tim và giữ máu lưu thông cho
    đến khi cấp cứu tới. Phương pháp "ho CPR" này do các bác sĩ tim mạch tại một bệnh viện
    lớn ở Mỹ khuyến nghị, nhưng ít ai biết. Hầu hết người bị đau tim đều ở một mình khi lên
    cơn, vì thế hãy gửi bài này cho ít nhất 10 người. Một bác sĩ nói rằng nếu mỗi người gửi
    cho 10 người, chúng ta có thể cứu được ít nhất một mạng người.

    Thông tin mật từ người trong ngành giáo dục: năm học tới sẽ cắt giảm 30% giáo viên trên
    toàn quốc, ưu tiên cho nghỉ những người trên 45 tuổi và không có bằng thạc sĩ. Danh sách
    đã được lập và gửi về các trường, chỉ chờ đến hè là công bố. Những ai muốn giữ lại vị
    trí phải "đóng góp" cho quỹ của phòng giáo dục. Mình không dám nói rõ là ai cung cấp tin
    nhưng đảm bảo chính xác. Các thầy cô nên chuẩn bị tinh thần và tìm thêm việc làm thêm từ
    bây giờ. Mong mọi người chia sẻ để đồng nghiệp biết mà lo liệu.

    Sốc: uống bia mỗi ngày chữa khỏi sỏi thận!!!

    Tin mật, share ngay trước khi bị xóa!!!
"""
)


@dataclass(frozen=True)
class Template:
    """A post with ``{slot}`` fields, and how many distinct rows to draw from it.

    Attributes:
        label: ``RELIABLE`` or ``UNRELIABLE``.
        text: the post, with slots named after keys of ``_SLOTS`` or of ``_derived_slots``.
        count: number of distinct rows to generate.
        plain_share: probability that a generated row is written without diacritics.
    """

    label: str
    text: str
    count: int
    plain_share: float = 0.0


_SLOTS: dict[str, tuple[str, ...]] = {
    "province": (
        "Hà Nội",
        "TP.HCM",
        "Đà Nẵng",
        "Hải Phòng",
        "Cần Thơ",
        "Nghệ An",
        "Thanh Hóa",
        "Quảng Ninh",
        "Bình Dương",
        "Đồng Nai",
        "Khánh Hòa",
        "Lâm Đồng",
        "Gia Lai",
        "Thừa Thiên Huế",
        "Quảng Nam",
        "An Giang",
        "Bắc Ninh",
        "Thái Nguyên",
        "Nam Định",
        "Long An",
        "Tiền Giang",
        "Đắk Lắk",
        "Bình Định",
        "Quảng Ngãi",
        "Hà Tĩnh",
    ),
    "city": (
        "Hà Nội",
        "TP.HCM",
        "Đà Nẵng",
        "Hải Phòng",
        "Cần Thơ",
        "Huế",
        "Nha Trang",
        "Đà Lạt",
        "Vinh",
        "Quy Nhơn",
        "Buôn Ma Thuột",
        "Hạ Long",
        "Vũng Tàu",
    ),
    "district": (
        "quận Hoàng Mai",
        "quận Gò Vấp",
        "quận Thanh Khê",
        "huyện Đông Anh",
        "quận Bình Tân",
        "quận Ninh Kiều",
        "thị xã Thuận An",
        "huyện Hóc Môn",
        "quận Long Biên",
        "thành phố Thủ Đức",
        "huyện Củ Chi",
        "quận Hải Châu",
        "huyện Gia Lâm",
    ),
    "region": (
        "Bắc Bộ",
        "vùng núi phía Bắc",
        "Bắc Trung Bộ",
        "Trung Trung Bộ",
        "Nam Trung Bộ",
        "Tây Nguyên",
        "Nam Bộ",
        "đồng bằng sông Cửu Long",
    ),
    "street": (
        "Lê Lợi",
        "Trần Hưng Đạo",
        "Hai Bà Trưng",
        "Lý Thường Kiệt",
        "Quang Trung",
        "Hùng Vương",
        "Lê Duẩn",
        "Nguyễn Văn Cừ",
        "Phan Chu Trinh",
        "Điện Biên Phủ",
        "Nguyễn Trãi",
        "Trường Chinh",
        "Lê Hồng Phong",
        "Võ Thị Sáu",
    ),
    "roadwork": (
        "thi công cải tạo hệ thống thoát nước",
        "sửa chữa mặt đường",
        "lắp đặt dầm cầu vượt",
        "tổ chức sự kiện văn hóa đi bộ",
        "thi công ngầm hóa cáp điện",
        "phục vụ giải chạy bộ của thành phố",
    ),
    "power_area": (
        "một phần các phường trung tâm",
        "khu dân cư dọc đường Nguyễn Văn Linh",
        "các xã ven sông của huyện",
        "khu công nghiệp phía Bắc thành phố",
        "một số tổ dân phố thuộc phường 5",
        "khu vực chợ đầu mối và các hộ lân cận",
    ),
    "power_work": (
        "bảo dưỡng máy biến áp",
        "thay dây dẫn trên đường dây trung thế",
        "lắp đặt thiết bị đóng cắt tự động",
        "di dời cột điện phục vụ mở rộng đường",
        "vệ sinh cách điện định kỳ",
    ),
    "round": tuple(str(n) for n in range(3, 24)),
    "rank": tuple(str(n) for n in range(1, 9)),
    "weekday": ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy"),
    "school_activity": (
        "kiểm tra giữa học kỳ môn Toán và Ngữ văn",
        "tham gia buổi ngoại khóa về an toàn giao thông",
        "khám sức khỏe định kỳ tại trường",
        "tham quan trải nghiệm tại bảo tàng tỉnh",
        "nghỉ học một buổi để trường làm điểm thi",
        "học bù theo thời khóa biểu của ngày thứ hai",
        "sinh hoạt ngoại khóa về kỹ năng phòng cháy chữa cháy",
    ),
    "health_campaign": (
        "đợt tiêm bổ sung vắc xin sởi - rubella cho trẻ từ 1 đến 5 tuổi",
        "chiến dịch uống vitamin A cho trẻ dưới 5 tuổi",
        "đợt khám sàng lọc tăng huyết áp cho người trên 40 tuổi",
        "tiêm vắc xin uốn ván cho phụ nữ mang thai",
        "đợt phun hóa chất diệt muỗi phòng sốt xuất huyết tại các khu dân cư",
        "khám sàng lọc bệnh lao cho người có triệu chứng ho kéo dài",
    ),
    "health_doc": (
        "sổ tiêm chủng hoặc giấy tờ tùy thân",
        "thẻ bảo hiểm y tế",
        "căn cước công dân",
        "sổ theo dõi sức khỏe",
    ),
    "scam": (
        "giả danh nhân viên ngân hàng gọi điện hỗ trợ nâng hạn mức thẻ tín dụng",
        "mạo danh cán bộ thuế yêu cầu cài ứng dụng giả để quyết toán thuế",
        "lập trang mạng xã hội bán vé máy bay giá rẻ giả mạo các hãng hàng không",
        "tuyển cộng tác viên làm nhiệm vụ trực tuyến để nhận hoa hồng",
        "giả danh giáo viên báo học sinh bị tai nạn, yêu cầu chuyển tiền cấp cứu",
        "mạo danh nhân viên điện lực gọi điện đòi nợ tiền điện",
        "làm quen qua mạng rồi rủ tham gia đầu tư trên sàn tiền ảo",
        "gọi điện báo trúng thưởng rồi yêu cầu nộp phí để nhận quà",
        "giả danh công an gọi điện thông báo liên quan đến vụ án",
    ),
    "scam_advice": (
        "Người dân không chuyển tiền và không cung cấp mã OTP cho người lạ dưới bất kỳ hình"
        " thức nào.",
        "Khi nghi ngờ, người dân cần trình báo cơ quan công an gần nhất để được hướng dẫn.",
        "Cơ quan công an không làm việc, không yêu cầu chuyển tiền qua điện thoại hay mạng xã hội.",
        "Người dân chỉ giao dịch qua kênh chính thức và kiểm tra kỹ thông tin trước khi"
        " chuyển tiền.",
    ),
    "commodity": ("rau xanh", "thịt lợn", "trứng gà", "cá tươi", "gạo tẻ", "trái cây"),
    "direction": ("tăng", "giảm"),
    "price_reason": (
        "theo kết quả khảo sát tại các chợ truyền thống và siêu thị",
        "nguồn cung được các doanh nghiệp đánh giá là ổn định",
        "do ảnh hưởng của thời tiết đến sản lượng thu hoạch",
        "Sở sẽ tiếp tục theo dõi sát diễn biến thị trường",
    ),
    "event": (
        "Lễ hội ẩm thực đường phố",
        "Hội chợ hàng Việt",
        "Ngày hội văn hóa các dân tộc",
        "Hội sách thiếu nhi",
        "Triển lãm ảnh nghệ thuật",
        "Ngày hội việc làm cho sinh viên",
        "Liên hoan đờn ca tài tử",
        "Giải đua thuyền truyền thống",
    ),
    "venue": (
        "công viên trung tâm",
        "nhà văn hóa thanh niên",
        "quảng trường thành phố",
        "trung tâm hội nghị tỉnh",
        "khu vực bờ sông",
        "sân vận động thành phố",
    ),
    "event_detail": (
        "chương trình mở cửa tự do, không bán vé",
        "thông tin chi tiết được đăng trên trang của UBND thành phố",
        "người dân nên đi xe buýt hoặc gửi xe tại các điểm trông giữ được bố trí",
        "sự kiện có khoảng 120 gian hàng của các doanh nghiệp và hợp tác xã",
    ),
    "dengue_advice": (
        "diệt lăng quăng, bọ gậy và ngủ màn kể cả ban ngày",
        "đến cơ sở y tế ngay khi có dấu hiệu sốt cao liên tục",
        "đậy kín dụng cụ chứa nước và thu gom vật dụng phế thải quanh nhà",
        "phối hợp với đội phun hóa chất diệt muỗi tại khu dân cư",
    ),
    "airport": ("Nội Bài", "Tân Sơn Nhất", "Đà Nẵng", "Cam Ranh", "Phú Quốc", "Cát Bi"),
    "flight_reason": (
        "ảnh hưởng của bão",
        "mưa lớn và tầm nhìn hạn chế",
        "sương mù dày đặc",
        "gió mạnh tại khu vực sân bay",
    ),
    "fake_agency": (
        "Bộ Công an",
        "Bộ Giao thông vận tải",
        "UBND thành phố",
        "Bộ Tài chính",
        "Bộ Y tế",
        "Cục Cảnh sát giao thông",
    ),
    "fake_rule": (
        "người đi xe máy phải mang theo giấy khai sinh bản gốc",
        "mỗi hộ gia đình chỉ được nuôi tối đa 1 con chó",
        "cấm phơi quần áo trước ban công nhà mặt phố",
        "ai ra đường sau 22h phải có giấy xác nhận của phường",
        "tất cả xe máy trên 10 năm tuổi bị cấm lưu thông",
        "phải khai báo mọi khoản tiền gửi tiết kiệm trên 50 triệu",
        "ai đăng ảnh đồ ăn lên mạng phải đóng thuế thu nhập",
    ),
    "end_hour": ("20", "21", "22", "23"),
    "fine": ("3 triệu", "5 triệu", "10 triệu", "20 triệu", "50 triệu"),
    "brand": (
        "HONDA VIỆT NAM",
        "SAMSUNG",
        "VINAMILK",
        "THẾ GIỚI DI ĐỘNG",
        "GRAB",
        "SHOPEE",
        "VIETJET",
        "COOPMART",
    ),
    "gift": (
        "XE MÁY VISION",
        "ĐIỆN THOẠI GALAXY",
        "THẺ CÀO 500K",
        "VOUCHER 2 TRIỆU",
        "TỦ LẠNH SIDE BY SIDE",
        "VÉ MÁY BAY KHỨ HỒI",
        "1 CHỈ VÀNG",
    ),
    "phrase": ("Đã share", "Tôi nhận", "Cảm ơn", "Chọn tôi", "Đã thích trang"),
    "emoji": ("🎁🎁🎁", "🔥🔥", "💰💰💰", "😍😍", "👉👉👉", "🎉🎉"),
    "remedy": (
        "uống nước lá ổi đun sôi",
        "nhai 3 tép tỏi sống với mật ong",
        "uống một cốc nước chanh nóng pha muối",
        "đắp lá trầu không giã nhỏ lên rốn",
        "uống nước ép mướp đắng",
        "ngậm một thìa dầu dừa trong miệng 20 phút",
        "ăn 5 quả táo đỏ ngâm giấm",
    ),
    "time": ("sáng lúc bụng đói", "tối trước khi ngủ", "ngày 3 lần"),
    "disease": (
        "ung thư gan",
        "tiểu đường",
        "cao huyết áp",
        "gout",
        "viêm xoang",
        "sỏi thận",
        "thoái hóa khớp",
        "mỡ máu",
    ),
    "days": ("3", "7", "10", "14", "21", "30"),
    "authority": (
        "bác sĩ đầu ngành",
        "các giáo sư nước ngoài",
        "cả bệnh viện",
        "người Nhật",
    ),
    "disaster": (
        "động đất 8 độ richter",
        "sóng thần cao 10 mét",
        "lũ quét lịch sử",
        "siêu bão cấp 17",
        "sạt lở núi quy mô lớn",
        "vỡ đập thủy điện",
    ),
    "when": ("đêm nay lúc 2h sáng", "chiều mai", "rạng sáng chủ nhật", "48 giờ tới"),
    "fake_source": (
        "NASA",
        "các nhà khoa học Nhật Bản",
        "một kỹ sư thủy điện giấu tên",
        "người nhà làm ở đài khí tượng",
        "Viện Vật lý địa cầu",
    ),
    "vehicle": (
        "xe 7 chỗ màu trắng",
        "xe bán tải màu đen",
        "xe máy không biển số",
        "xe cứu thương giả",
    ),
    "place_kid": (
        "cổng trường tiểu học",
        "khu vui chơi trong chung cư",
        "chợ đêm",
        "công viên gần nhà văn hóa",
    ),
    "food": (
        "RAU MUỐNG",
        "TRÀ SỮA",
        "CHẢ LỤA",
        "GIÁ ĐỖ",
        "DƯA HẤU",
        "BÚN TƯƠI",
        "CÁ VIÊN CHIÊN",
        "NƯỚC MÍA",
    ),
    "food_claim": (
        "Hàng bán ngoài chợ đều được ngâm hóa chất để tươi lâu",
        "Bên trong có chất gây ung thư mà nhà sản xuất cố tình giấu",
        "Hàng trôi nổi được tẩm thuốc tẩy trắng công nghiệp",
        "Người bán cho chất tạo ngọt độc hại gây suy thận",
    ),
    "teen_rumor": (
        "mai cả tp mất nước 3 ngày",
        "tuần sau cấm xe máy vào trung tâm",
        "cuối tháng ngân hàng khóa hết tk dưới 5tr",
        "trường nào cx cho hs nghỉ hết tuần",
        "xăng sắp lên 40k 1 lít",
        "có dịch lạ đang lây ở bv tỉnh mà bị giấu",
    ),
    "teen_source": (
        "ng nhà làm bên ubnd",
        "bạn mk làm ở bv",
        "anh họ mk làm csgt",
        "cô mk làm bên ngân hàng",
    ),
    "bank": ("VIETCOMBANK", "AGRIBANK", "BIDV", "TECHCOMBANK", "MB BANK", "VIETINBANK"),
    "amount": ("100k", "200k", "500k", "1 triệu"),
    "mult": ("2", "3", "5"),
    "closure_reason": (
        "dịch cúm lạ đang lây lan rất nhanh",
        "nắng nóng kỷ lục",
        "nguồn nước bị nhiễm độc",
        "bão lớn sắp đổ bộ",
        "không khí ô nhiễm ở mức nguy hại",
    ),
}

_TEMPLATES: tuple[Template, ...] = (
    Template(
        RELIABLE,
        "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, ngày {date} khu vực {region}"
        " {sky}, nhiệt độ phổ biến từ {lo} đến {hi} độ C.",
        10,
        0.1,
    ),
    Template(
        RELIABLE,
        "Sở Giao thông vận tải {city} thông báo tạm cấm phương tiện lưu thông qua đường"
        " {street} từ {hour} giờ ngày {date} đến {hour2} giờ sáng hôm sau để {roadwork}."
        " Người tham gia giao thông đi theo biển báo và hướng dẫn của lực lượng chức năng.",
        10,
        0.1,
    ),
    Template(
        RELIABLE,
        "Công ty Điện lực {province} thông báo tạm ngừng cung cấp điện từ {hour} giờ đến"
        " {hour2} giờ ngày {date} tại {power_area} để {power_work}. Lịch cụ thể được đăng"
        " trên ứng dụng chăm sóc khách hàng của ngành điện.",
        10,
    ),
    Template(
        RELIABLE,
        "Kết thúc vòng {round} V.League, {team_a} thắng {team_b} với tỷ số {score} trên"
        " sân nhà. Với kết quả này, {team_a} tạm xếp thứ {rank} trên bảng xếp hạng.",
        10,
        0.1,
    ),
    Template(
        RELIABLE,
        "Trường {school} thông báo học sinh khối {grade} {school_activity} vào {weekday}"
        " ngày {date}. Phụ huynh theo dõi thông tin chi tiết qua giáo viên chủ nhiệm.",
        10,
        0.2,
    ),
    Template(
        RELIABLE,
        "Trung tâm Y tế {district} tổ chức {health_campaign} từ ngày {date}. Người dân"
        " mang theo {health_doc} khi đến trạm y tế xã, phường.",
        10,
    ),
    Template(
        RELIABLE,
        "Công an tỉnh {province} cảnh báo thủ đoạn {scam}. {scam_advice}",
        10,
        0.1,
    ),
    Template(
        RELIABLE,
        "Theo Sở Công Thương {province}, giá {commodity} tại các chợ trên địa bàn tuần"
        " này {direction} khoảng {pct}% so với tuần trước, {price_reason}.",
        10,
    ),
    Template(
        RELIABLE,
        "{rumor_debunk} Người dân chỉ nên theo dõi thông tin trên các kênh chính thức"
        " và không chia sẻ nội dung chưa được kiểm chứng.",
        10,
    ),
    Template(
        RELIABLE,
        "{event} sẽ diễn ra tại {venue} của {city} từ ngày {date}. Ban tổ chức cho biết"
        " {event_detail}.",
        10,
    ),
    Template(
        RELIABLE,
        "Sở Y tế {province} cho biết trong tuần qua địa phương ghi nhận {cases} ca mắc sốt"
        " xuất huyết, {direction} so với tuần trước. Ngành y tế khuyến cáo người dân"
        " {dengue_advice}.",
        10,
    ),
    Template(
        RELIABLE,
        "Do {flight_reason}, {flights} chuyến bay đi và đến sân bay {airport} ngày {date}"
        " được điều chỉnh giờ khai thác. Hành khách theo dõi thông báo từ hãng hàng không.",
        10,
    ),
    Template(
        UNRELIABLE,
        "KHẨN!!! {fake_agency} vừa ra thông báo từ ngày {date} {fake_rule}, ai vi phạm phạt"
        " {fine}. Share ngay cho người thân kẻo bị phạt oan!!!",
        10,
        0.3,
    ),
    Template(
        UNRELIABLE,
        "{brand} TẶNG {gift} cho {winners} người đầu tiên chia sẻ bài viết này và bình luận"
        ' "{phrase}" {emoji} Chương trình kết thúc lúc {end_hour}h tối nay, nhanh tay kẻo lỡ!!!',
        10,
        0.2,
    ),
    Template(
        UNRELIABLE,
        "Chỉ cần {remedy} mỗi {time} là khỏi {disease} sau {days} ngày, {authority} cũng"
        " phải ngỡ ngàng!!! Bài thuốc này bệnh viện không bao giờ nói cho bạn.",
        10,
        0.3,
    ),
    Template(
        UNRELIABLE,
        "NÓNG: {disaster} sẽ xảy ra ở {city} vào {when}, {fake_source} đã cảnh báo nhưng"
        " bị giấu thông tin. Ai có người thân ở {city} báo ngay, SHARE NGAY kẻo muộn!!!",
        10,
        0.2,
    ),
    Template(
        UNRELIABLE,
        "Cảnh báo các bố mẹ ở {district}: có nhóm người đi {vehicle} bắt cóc trẻ em ở gần"
        " {place_kid}, đã mất tích {missing} bé rồi. Giữ con cẩn thận và chia sẻ cho mọi"
        " người cùng biết!!! 😱",
        10,
        0.3,
    ),
    Template(
        UNRELIABLE,
        "ĐỪNG ĂN {food} NỮA!!! {food_claim}, đã có {missing} người ở {province} phải nhập"
        " viện cấp cứu. Gửi ngay cho gia đình và bạn bè!!!",
        10,
        0.2,
    ),
    Template(
        UNRELIABLE,
        "nghe ns {teen_rumor} đó mn ơi, tin từ {teen_source} nên chuẩn lun 😱 ae ở"
        " {city} chú ý nha",
        10,
        0.3,
    ),
    Template(
        UNRELIABLE,
        "{bank} đang lỗi hệ thống, ai chuyển khoản từ {amount} trở lên sẽ được hoàn lại gấp"
        " {mult} lần trong 5 phút. Mình vừa thử được rồi, nhanh tay trước khi ngân hàng sửa"
        " lỗi!!! {emoji}",
        10,
        0.2,
    ),
    Template(
        UNRELIABLE,
        "Tin chuẩn: UBND {province} cho toàn bộ học sinh nghỉ học từ ngày {date} đến hết"
        " tháng vì {closure_reason}. Văn bản sẽ gửi về trường sau, phụ huynh cứ cho con ở"
        " nhà!!!",
        10,
        0.3,
    ),
)

# Slots whose values depend on each other are drawn together.
_SKIES: tuple[tuple[str, int, int], ...] = (
    ("có mưa rào và dông rải rác", 22, 26),
    ("nhiều mây, không mưa, trưa chiều trời nắng", 20, 25),
    ("có mưa vừa, có nơi mưa to", 21, 24),
    ("trời rét, vùng núi có nơi rét đậm", 8, 13),
    ("nắng nóng, có nơi nắng nóng gay gắt", 26, 28),
    ("có sương mù rải rác vào sáng sớm, ngày trời nắng", 16, 20),
)
_TEAMS = (
    "Hà Nội",
    "Hải Phòng",
    "Đông Á Thanh Hóa",
    "Sông Lam Nghệ An",
    "Hoàng Anh Gia Lai",
    "Bình Định",
    "Thể Công Viettel",
    "Quảng Nam",
    "SHB Đà Nẵng",
    "Becamex Bình Dương",
)
_SCHOOLS: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("Tiểu học Nguyễn Trãi", (1, 2, 3, 4, 5)),
    ("Tiểu học Lê Văn Tám", (1, 2, 3, 4, 5)),
    ("THCS Lê Lợi", (6, 7, 8, 9)),
    ("THCS Ngô Quyền", (6, 7, 8, 9)),
    ("THPT Trần Phú", (10, 11, 12)),
    ("THPT Phan Đình Phùng", (10, 11, 12)),
    ("THPT Nguyễn Thị Minh Khai", (10, 11, 12)),
)
_DEBUNKS: tuple[tuple[str, str], ...] = (
    ("học sinh {province} được nghỉ học đến hết tháng", "Sở Giáo dục và Đào tạo"),
    ("{province} sắp cắt nước toàn thành phố trong một tuần", "Công ty cấp nước"),
    ("người dân {province} phải đóng phí để làm lại căn cước", "Công an tỉnh"),
    ("có ổ dịch lạ tại bệnh viện tỉnh {province}", "Sở Y tế"),
    ("từ tháng sau {province} cấm xe máy vào trung tâm", "Sở Giao thông vận tải"),
    ("{province} phát tiền hỗ trợ cho người dân qua đường link", "UBND tỉnh"),
)


def _derived_slots(rng: random.Random) -> dict[str, str]:
    """Values that must agree with each other (temperatures, teams, grades, hours)."""
    sky, lo_min, lo_max = rng.choice(_SKIES)
    lo = rng.randint(lo_min, lo_max)
    team_a, team_b = rng.sample(_TEAMS, 2)
    winner = rng.randint(1, 4)
    school, grades = rng.choice(_SCHOOLS)
    hour = rng.randint(6, 9)
    rumor, agency = rng.choice(_DEBUNKS)
    province = rng.choice(_SLOTS["province"])
    return {
        "province": province,
        "sky": sky,
        "lo": str(lo),
        "hi": str(lo + rng.randint(5, 9)),
        "team_a": team_a,
        "team_b": team_b,
        "score": f"{winner}-{rng.randint(0, winner - 1)}",
        "school": school,
        "grade": str(rng.choice(grades)),
        "hour": str(hour),
        "hour2": str(hour + rng.randint(6, 12)),
        "date": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
        "pct": str(rng.randint(3, 25)),
        "cases": str(rng.randint(40, 900)),
        "flights": str(rng.randint(6, 48)),
        "winners": str(rng.choice((100, 200, 500, 1000))),
        "missing": str(rng.randint(2, 9)),
        "rumor_debunk": (
            f'Thông tin "{rumor.format(province=province)}" đang lan truyền trên mạng xã'
            f" hội là không đúng sự thật. {agency} khẳng định chưa ban hành thông báo nào"
            " như vậy."
        ),
    }


def strip_marks(text: str) -> str:
    """Write ``text`` without Vietnamese diacritics, the way many people type."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def _expand(template: Template, rng: random.Random, taken: set[str]) -> list[str]:
    """Draw ``template.count`` distinct rows not already in ``taken``."""
    rows: list[str] = []
    for _ in range(template.count * _MAX_TRIES_PER_ROW):
        if len(rows) == template.count:
            return rows
        values = {name: rng.choice(options) for name, options in _SLOTS.items()}
        values.update(_derived_slots(rng))
        text = template.text.format_map(values)
        if rng.random() < template.plain_share:
            text = strip_marks(text)
        if text not in taken:
            taken.add(text)
            rows.append(text)
    raise ValueError(f"could not draw {template.count} distinct rows from {template.text!r}")


def build_rows(seed: int = SEED) -> list[tuple[str, str]]:
    """All corpus rows as ``(text, label)``, base posts first then generated ones, shuffled.

    Raises:
        ValueError: a base post is duplicated, a template names an unknown slot, or the
            corpus is smaller than ``_MIN_ROWS``.
    """
    bases = [(text, RELIABLE) for text in _RELIABLE_POSTS]
    bases += [(text, UNRELIABLE) for text in _UNRELIABLE_POSTS]
    repeated = [text for text, n in Counter(text for text, _ in bases).items() if n > 1]
    if repeated:
        raise ValueError(f"duplicated base posts: {repeated[:3]}")
    rng = random.Random(seed)
    known = set(_SLOTS) | set(_derived_slots(random.Random(0)))
    taken = {text for text, _ in bases}
    rows = list(bases)
    for template in _TEMPLATES:
        unknown = set(_SLOT.findall(template.text)) - known
        if unknown:
            raise ValueError(f"unknown slots {sorted(unknown)} in {template.text!r}")
        rows += [(text, template.label) for text in _expand(template, rng, taken)]
    if len(rows) < _MIN_ROWS:
        raise ValueError(f"only {len(rows)} rows; the seed corpus needs {_MIN_ROWS}")
    rng.shuffle(rows)
    return rows


def write_csv(rows: list[tuple[str, str]], path: Path = OUTPUT) -> None:
    """Write ``rows`` as UTF-8 CSV with header ``text,label``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("text", "label"))
        writer.writerows(rows)


def main() -> None:
    """Rebuild ``misinformation.csv`` next to this script."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = build_rows()
    write_csv(rows)
    counts = Counter(label for _, label in rows)
    logger.info("wrote %d rows to %s: %s", len(rows), OUTPUT, dict(counts))


if __name__ == "__main__":
    main()
